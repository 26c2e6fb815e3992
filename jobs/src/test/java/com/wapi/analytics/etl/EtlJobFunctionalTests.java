package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Setup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "wapi.etl.chunk-size=10")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtlJobFunctionalTests extends IntegrationTest {

    @Autowired EtlRunner etl;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;

    static int landed;

    @Test
    @Order(1)
    void loadsEveryRawEventIntoFactsOrQuarantineExactlyOnce() throws Exception {
        EtlScenario.setUp(setup);
        landed = EtlScenario.land(new RawEventsFixture(postgres));

        List<JobExecution> executions = etl.run(null, false, Duration.ZERO).orElseThrow();

        assertThat(executions).hasSize(1);
        JobExecution execution = executions.get(0);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution load = step(execution, "loadFacts");
        assertThat(load.getReadCount()).isEqualTo(landed);
        assertThat(load.getWriteCount()).isEqualTo(landed);
        assertThat(load.getCommitCount()).isGreaterThanOrEqualTo((landed + 9) / 10);
        assertThat(step(execution, "advanceWatermark").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Map<String, String> reasons = postgres.sql("SELECT reason, count(*)::text FROM quarantine GROUP BY reason")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(reasons).containsOnlyKeys("unknown_phone_number", "bad_json", "unknown_type", "missing_field");

        // After merging, a fact delivered twice (w18's delivered status, in two raw events) is kept once.
        for (FactTable table : FactTables.all()) {
            clickHouse.sql().sql("OPTIMIZE TABLE " + table.name() + " FINAL").update();
        }
        long inFacts = clickHouse.sql().sql("""
                SELECT uniqExact(raw_event_id) FROM (
                    SELECT raw_event_id FROM message_status UNION ALL SELECT raw_event_id FROM outbound_messages
                    UNION ALL SELECT raw_event_id FROM inbound_messages UNION ALL SELECT raw_event_id FROM broadcasts
                    UNION ALL SELECT raw_event_id FROM template_events)""").query(Long.class).single();
        long quarantined = postgres.sql("SELECT count(*) FROM quarantine").query(Long.class).single();
        assertThat(inFacts + quarantined + EtlScenario.DUPLICATE_FACTS).isEqualTo(landed);
        assertThat(quarantined).isEqualTo(EtlScenario.QUARANTINED);
        assertThat(postgres.sql("SELECT last_id FROM etl_watermark").query(Long.class).single())
                .isEqualTo(postgres.sql("SELECT max(id) FROM raw_events").query(Long.class).single());
    }

    @Test
    @Order(2)
    void finalStateOfEachMessageIgnoresDisorderAndDuplicates() {
        Map<String, String> states = clickHouse.sql().sql("""
                SELECT wamid, state FROM message_state WHERE workspace_id = ? AND wamid != ''""")
                .param(EtlScenario.WORKSPACE)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(states.get(EtlScenario.wamid(1))).isEqualTo("read");
        assertThat(states.get(EtlScenario.wamid(15))).isEqualTo("delivered");
        assertThat(states.get(EtlScenario.wamid(16))).as("read before delivered").isEqualTo("read");
        assertThat(states.get(EtlScenario.wamid(17))).as("read without delivered").isEqualTo("read");
        assertThat(states.get(EtlScenario.wamid(18))).as("delivered twice").isEqualTo("delivered");
        assertThat(states.get(EtlScenario.wamid(19))).as("failed after delivered").isEqualTo("delivered");
        assertThat(states.get(EtlScenario.wamid(20))).as("failed after sent").isEqualTo("failed");
        assertThat(states.get(EtlScenario.wamid(22))).isEqualTo("sent");
        assertThat(states.get(EtlScenario.wamid(23))).as("status before message.sent").isEqualTo("sent");

        Map<String, Object> funnel = clickHouse.sql().sql("""
                SELECT targeted, sent, delivered, read, failed, delivery_rate FROM broadcast_funnel
                WHERE workspace_id = ? AND broadcast_id = ?""").params(EtlScenario.WORKSPACE, EtlScenario.BROADCAST)
                .query().singleRow();
        assertThat(funnel).extractingByKeys("targeted", "sent", "delivered", "read", "failed")
                .map(v -> ((Number) v).longValue()).containsExactly(25L, 23L, 19L, 12L, 4L);
        assertThat(((Number) funnel.get("delivery_rate")).doubleValue()).isEqualTo(0.76);

        assertThat(clickHouse.sql().sql("SELECT count() FROM message_status FINAL WHERE wamid = ? AND status = 'delivered'")
                .param(EtlScenario.wamid(18)).query(Long.class).single()).isEqualTo(1);
        assertThat(clickHouse.sql().sql("SELECT failure_code FROM message_state WHERE wamid = ?")
                .param(EtlScenario.wamid(20)).query(Integer.class).single()).isEqualTo(131049);
    }

    @Test
    @Order(3)
    void nothingNewMeansNoRun() throws Exception {
        assertThat(etl.run(null, false, Duration.ZERO).orElseThrow()).isEmpty();
    }

    @Test
    @Order(4)
    void quarantinedUnknownNumberLoadsOnceAfterTheNumberIsAdded() throws Exception {
        setup.addPhoneNumber(EtlScenario.WORKSPACE, EtlScenario.UNKNOWN_PHONE, null, null);

        for (int replay = 0; replay < 2; replay++) {
            List<JobExecution> executions = etl.run(null, true, Duration.ZERO).orElseThrow();
            assertThat(executions).extracting(JobExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
        }

        assertThat(clickHouse.sql().sql("SELECT count() FROM message_status FINAL WHERE wamid = 'wamid.W99'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(postgres.sql("SELECT count(*) FROM quarantine WHERE replayed_at IS NULL").query(Long.class).single())
                .isEqualTo(EtlScenario.QUARANTINED - 1);
        assertThat(postgres.sql("SELECT reason FROM quarantine WHERE replayed_at IS NOT NULL").query(String.class).single())
                .isEqualTo("unknown_phone_number");
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
