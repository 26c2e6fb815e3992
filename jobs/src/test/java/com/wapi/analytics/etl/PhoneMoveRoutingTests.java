package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.PhoneNumbers;
import com.wapi.analytics.tenancy.Setup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events follow the phone mapping in force when they were received, whenever the etl loads them. */
class PhoneMoveRoutingTests extends IntegrationTest {

    static final String PHONE = "555000111";
    static final String WABA = "777000111";

    @Autowired Setup setup;
    @Autowired PhoneNumbers phones;
    @Autowired EtlRunner etl;
    @Autowired ClickHouse clickHouse;
    @Autowired JdbcClient db;

    @Test
    void eventsReceivedBeforeAMoveStayInTheOldWorkspaceAndAfterARemovalAreQuarantinedUntilAddedAgain() throws Exception {
        setup.createOrganization("acme", "Acme", "UTC", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("old-ws", "acme", "Old");
        setup.createWorkspace("new-ws", "acme", "New");
        setup.addPhoneNumber("old-ws", PHONE, WABA, null);
        RawEventsFixture raw = new RawEventsFixture(db);

        raw.meta(status("wamid.loaded-before"));
        etl.run(null, false, Duration.ZERO).orElseThrow();
        raw.meta(status("wamid.received-before"));
        phones.move(PHONE, "new-ws", "test");
        raw.meta(status("wamid.received-after"));
        etl.run(null, false, Duration.ZERO).orElseThrow();

        assertThat(workspaceOf("wamid.loaded-before")).isEqualTo("old-ws");
        assertThat(workspaceOf("wamid.received-before")).as("received before the move, loaded after").isEqualTo("old-ws");
        assertThat(workspaceOf("wamid.received-after")).isEqualTo("new-ws");

        phones.remove(PHONE, "test");
        long removed = raw.meta(status("wamid.received-while-removed"));
        etl.run(null, false, Duration.ZERO).orElseThrow();
        assertThat(db.sql("SELECT reason FROM quarantine WHERE raw_event_id = ?").param(removed).query(String.class).single())
                .isEqualTo("unknown_phone_number");

        setup.addPhoneNumber("old-ws", PHONE, WABA, null);
        etl.run(null, true, Duration.ZERO).orElseThrow();
        assertThat(workspaceOf("wamid.received-while-removed")).as("replayed to where it was added again").isEqualTo("old-ws");
        assertThat(workspaceOf("wamid.received-after")).as("loaded facts stay").isEqualTo("new-ws");
    }

    private static byte[] status(String wamid) {
        return MetaPayloads.statuses(WABA, PHONE, MetaPayloads.status(wamid, "delivered",
                Instant.parse("2026-11-24T10:00:00Z"), "15550001111", null));
    }

    private String workspaceOf(String wamid) {
        return clickHouse.sql().sql("SELECT workspace_id FROM message_status WHERE wamid = ?").param(wamid)
                .query(String.class).single();
    }
}
