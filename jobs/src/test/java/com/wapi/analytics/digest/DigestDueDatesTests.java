package com.wapi.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which local day is due, when: 09:00 in the organization's time zone, DST change days included. */
class DigestDueDatesTests extends IntegrationTest {

    @Autowired DigestTick tick;
    @Autowired Setup setup;
    @Autowired JdbcClient db;

    @ParameterizedTest(name = "{0} at {1}: latest due {2}")
    @CsvSource({
            // before and after 09:00 local
            "Asia/Kolkata,      2026-11-02T03:29:00Z, 2026-10-31",
            "Asia/Kolkata,      2026-11-02T03:30:00Z, 2026-11-01",
            "UTC,               2026-11-02T08:59:59Z, 2026-10-31",
            "UTC,               2026-11-02T09:00:00Z, 2026-11-01",
            // New York spring forward (2026-03-08: 09:00 EDT = 13:00 UTC) and fall back (2026-11-01: 09:00 EST = 14:00 UTC)
            "America/New_York,  2026-03-08T12:59:00Z, 2026-03-06",
            "America/New_York,  2026-03-08T13:00:00Z, 2026-03-07",
            "America/New_York,  2026-03-09T13:00:00Z, 2026-03-08",
            "America/New_York,  2026-11-01T13:59:00Z, 2026-10-30",
            "America/New_York,  2026-11-01T14:00:00Z, 2026-10-31",
            "America/New_York,  2026-11-02T14:00:00Z, 2026-11-01",
            // Chatham is UTC+13:45 in (southern) summer: 09:00 local on 2026-11-25 is 19:15 UTC on the 24th
            "Pacific/Chatham,   2026-11-24T19:14:00Z, 2026-11-23",
            "Pacific/Chatham,   2026-11-24T19:15:00Z, 2026-11-24",
    })
    void latestDueDayIsYesterdayOnceLocalNineHasPassed(String zone, String now, String expected) {
        Organization org = organization(zone);
        assertThat(tick.dueDates(org, Instant.parse(now))).last().isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void missedTicksCatchUpEveryDayOnceButNotBeforeTheOrganizationExisted() {
        Organization org = organization("Asia/Kolkata");
        db.sql("UPDATE organizations SET created_at = '2026-10-30T12:00:00+05:30' WHERE id = ?").param(org.id()).update();
        assertThat(tick.dueDates(org, OffsetDateTime.parse("2026-11-03T10:00:00+05:30").toInstant()))
                .containsExactly(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
        assertThat(tick.dueDates(org, OffsetDateTime.parse("2026-10-31T10:00:00+05:30").toInstant()))
                .containsExactly(LocalDate.parse("2026-10-30"));
    }

    private Organization organization(String zone) {
        Organization org = setup.createOrganization(null, "Org " + zone, zone, "owner@example.test", true,
                Organization.EmptyDayMode.send);
        db.sql("UPDATE organizations SET created_at = '2026-01-01T00:00:00Z' WHERE id = ?").param(org.id()).update();
        return org;
    }
}
