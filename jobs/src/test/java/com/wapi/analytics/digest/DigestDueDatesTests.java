package com.wapi.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.tenancy.Organization;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which local days are due, when: 09:00 in the organization's time zone, DST change days included; days missed
 * are caught up within the look-back, never before the organization existed; after a time-zone change, a date
 * before the newest one in the ledger is not due unless it has a row of its own.
 */
class DigestDueDatesTests {

    static final int LOOK_BACK = 3;

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
            // Pago Pago is UTC-11: 09:00 local on 2026-11-02 is 20:00 UTC the same day
            "Pacific/Pago_Pago, 2026-11-02T19:59:00Z, 2026-10-31",
            "Pacific/Pago_Pago, 2026-11-02T20:00:00Z, 2026-11-01",
    })
    void latestDueDayIsYesterdayOnceLocalNineHasPassed(String zone, String now, String expected) {
        Organization org = organization(zone, "2026-01-01T00:00:00Z");
        assertThat(DigestTick.dueDates(org, Instant.parse(now), LOOK_BACK, List.of())).hasSize(LOOK_BACK)
                .last().isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void missedTicksCatchUpEveryDayOnceButNotBeforeTheOrganizationExisted() {
        Organization org = organization("Asia/Kolkata", "2026-10-30T12:00:00+05:30");
        assertThat(DigestTick.dueDates(org, OffsetDateTime.parse("2026-11-03T10:00:00+05:30").toInstant(), LOOK_BACK, List.of()))
                .containsExactly(date("2026-10-31"), date("2026-11-01"), date("2026-11-02"));
        assertThat(DigestTick.dueDates(org, OffsetDateTime.parse("2026-10-31T10:00:00+05:30").toInstant(), LOOK_BACK, List.of()))
                .containsExactly(date("2026-10-30"));
    }

    @Test
    void theCreationDayIsTheOrganizationsLocalDay() {
        // 2026-10-30T20:00Z is already the 31st in Kolkata (UTC+05:30) and still the 30th in New York
        String created = "2026-10-30T20:00:00Z";
        Instant now = Instant.parse("2026-11-02T16:00:00Z");
        assertThat(DigestTick.dueDates(organization("Asia/Kolkata", created), now, 5, List.of()))
                .containsExactly(date("2026-10-31"), date("2026-11-01"));
        assertThat(DigestTick.dueDates(organization("America/New_York", created), now, 5, List.of()))
                .containsExactly(date("2026-10-30"), date("2026-10-31"), date("2026-11-01"));
    }

    @Test
    void afterTheDayBoundariesJumpBackADateBeforeTheNewestInTheLedgerIsNotDue() {
        // the ledger holds the 23rd and the 25th (sent under a zone whose days began earlier): the 24th is not due,
        // the dates with a row stay due (the tick finds them done) and so does every date from the newest on
        Organization org = organization("Pacific/Honolulu", "2026-11-20T00:00:00Z");
        Instant now = Instant.parse("2026-11-26T19:00:00Z"); // 09:00 on the 26th in Honolulu
        assertThat(DigestTick.dueDates(org, now, LOOK_BACK, List.of(date("2026-11-23"), date("2026-11-25"))))
                .containsExactly(date("2026-11-23"), date("2026-11-25"));
        assertThat(DigestTick.dueDates(org, now, LOOK_BACK, List.of(date("2026-11-24"))))
                .containsExactly(date("2026-11-24"), date("2026-11-25"));
        assertThat(DigestTick.dueDates(org, now, LOOK_BACK, List.of(date("2026-11-20"))))
                .as("dates older than the look-back change nothing")
                .containsExactly(date("2026-11-23"), date("2026-11-24"), date("2026-11-25"));
    }

    private static Organization organization(String zone, String createdAt) {
        return new Organization("org", "Org", ZoneId.of(zone), "owner@example.test", true, Organization.EmptyDayMode.send,
                OffsetDateTime.parse(createdAt).toInstant());
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
