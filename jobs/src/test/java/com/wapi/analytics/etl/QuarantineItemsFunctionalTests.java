package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One webhook body, several items: the bad ones wait in the quarantine each with its path, the others become facts
 * at once, and a replay re-reads only the items whose cause is gone, once.
 */
class QuarantineItemsFunctionalTests extends IntegrationTest {

    static final String PHONE = "106540352242922";
    static final String LATER_PHONE = "555000777";
    static final String WABA = "102290129340398";

    /** entry[0].changes[0]: three messages, the second unusable; entry[0].changes[1]: two statuses of a number not yet added. */
    static final String BATCH = """
            {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[
             {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},
              "contacts":[{"profile":{"name":"Asha"},"wa_id":"15550001111"}],
              "messages":[
               {"from":"15550001111","id":"wamid.M1","timestamp":"1764496800","type":"text","text":{"body":"hi"}},
               {"from":"15550001111","id":"wamid.M2","timestamp":"1764496801"},
               {"from":"15550001111","id":"wamid.M3","timestamp":"1764496802","location":{"latitude":1.5,"longitude":2.5}}]}},
             {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},
              "statuses":[
               {"id":"wamid.S1","status":"delivered","timestamp":"1764496803","recipient_id":"15550002222"},
               {"id":"wamid.S2","status":"read","timestamp":"1764496804","recipient_id":"15550002222"}]}}]}]}"""
            .formatted(WABA, PHONE, LATER_PHONE);

    @Autowired EtlRunner etl;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;

    @Test
    void badItemsWaitAloneAndAReplayLoadsOnlyThoseWhoseCauseIsGone() throws Exception {
        setup.createOrganization("acme", "Acme", "UTC", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-a", "acme", "A");
        setup.createWorkspace("ws-b", "acme", "B");
        setup.addPhoneNumber("ws-a", PHONE, WABA, null);
        RawEventsFixture raw = new RawEventsFixture(postgres);
        long batch = raw.meta(BATCH.getBytes(StandardCharsets.UTF_8));

        assertThat(etl.run(null, false, Duration.ZERO).orElseThrow()).extracting(JobExecution::getStatus)
                .containsOnly(BatchStatus.COMPLETED);

        assertThat(inbound(batch)).containsExactlyInAnyOrder("wamid.M1 text", "wamid.M3 location");
        assertThat(statuses(batch)).isEmpty();
        assertThat(quarantine(batch)).containsExactly(
                "entry[0].changes[0].messages[1] missing_field open",
                "entry[0].changes[1] unknown_phone_number open");

        // A row from before items had paths: the whole body, quarantined for an unknown number.
        long legacy = raw.meta(BATCH.replace(PHONE, LATER_PHONE).replace("wamid.", "wamid.L").getBytes(StandardCharsets.UTF_8));
        postgres.sql("UPDATE etl_watermark SET last_id = ?").param(legacy).update();
        postgres.sql("INSERT INTO quarantine (raw_event_id, reason, detail) VALUES (?, 'unknown_phone_number', 'unknown')")
                .param(legacy).update();

        setup.addPhoneNumber("ws-b", LATER_PHONE, WABA, null);
        List<Long> replayedReads = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<JobExecution> executions = etl.run(null, true, Duration.ZERO).orElseThrow();
            assertThat(executions).extracting(JobExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
            replayedReads.add(executions.get(executions.size() - 1).getStepExecutions().iterator().next().getReadCount());
        }

        assertThat(replayedReads).as("events re-read by each replay").containsExactly(2L, 0L);
        assertThat(statuses(batch)).containsExactly("wamid.S1 delivered ws-b", "wamid.S2 read ws-b");
        assertThat(inbound(batch)).as("items loaded the first time are not read again")
                .containsExactlyInAnyOrder("wamid.M1 text", "wamid.M3 location");
        assertThat(quarantine(batch)).containsExactly(
                "entry[0].changes[0].messages[1] missing_field open",
                "entry[0].changes[1] unknown_phone_number replayed");

        assertThat(inbound(legacy)).containsExactlyInAnyOrder("wamid.LM1 text", "wamid.LM3 location");
        assertThat(statuses(legacy)).hasSize(2);
        assertThat(quarantine(legacy)).containsExactly(
                " unknown_phone_number replayed",
                "entry[0].changes[0].messages[1] missing_field open");
    }

    /** Every row written for the raw event, merged or not: a second reading of an item would show twice. */
    private List<String> inbound(long rawEventId) {
        return clickHouse.sql().sql("SELECT concat(wamid, ' ', message_type) FROM inbound_messages WHERE raw_event_id = ?")
                .param(rawEventId).query(String.class).list();
    }

    private List<String> statuses(long rawEventId) {
        return clickHouse.sql().sql("""
                SELECT concat(wamid, ' ', status, ' ', workspace_id) FROM message_status WHERE raw_event_id = ?
                ORDER BY wamid""").param(rawEventId).query(String.class).list();
    }

    private List<String> quarantine(long rawEventId) {
        return postgres.sql("""
                SELECT item_path || ' ' || reason || ' ' || CASE WHEN replayed_at IS NULL THEN 'open' ELSE 'replayed' END
                  FROM quarantine WHERE raw_event_id = ? ORDER BY item_path""").param(rawEventId).query(String.class).list();
    }
}
