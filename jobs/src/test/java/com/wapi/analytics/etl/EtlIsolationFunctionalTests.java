package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.ChildJvm;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one bad row or one tenant's large events cost the etl: nothing beyond themselves. Rows ClickHouse refuses go
 * to the quarantine with its message while the rest of their chunk loads; a backlog of 1 MiB events loads within a
 * 512 MiB heap.
 */
class EtlIsolationFunctionalTests extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired EtlRunner etl;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;

    /**
     * A deployment whose conversions table is narrower than what the parser admits (Decimal(9, 4) against amounts of
     * up to 14 digits): ClickHouse refuses the insert of a chunk holding an amount of 250000.
     */
    @Test
    void rowsClickHouseRefusesAreQuarantinedWithItsMessageAndTheRestOfTheChunkLoads() throws Exception {
        workspace("shop", "shop-ws", null);
        clickHouse.sql().sql("ALTER TABLE conversions MODIFY COLUMN amount Decimal(9, 4)").update();
        RawEventsFixture raw = new RawEventsFixture(postgres);
        PlatformEvents events = new PlatformEvents("shop-ws");
        List<Long> refused = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            boolean tooBig = n == 7 || n == 13;
            long id = raw.platform("shop-ws", events.conversion("e-cv-" + n, T0.plusSeconds(n), "cv-" + n, "9198" + n,
                    tooBig ? "250000.00" : "10.50", "INR"));
            if (tooBig) {
                refused.add(id);
            }
            raw.platform("shop-ws", events.agentMessageSent("e-sent-" + n, T0.plusSeconds(n), "wamid.S" + n, "9198" + n,
                    "agent-1"));
        }

        List<JobExecution> run = etl.run(null, false, Duration.ZERO).orElseThrow();

        assertThat(run).extracting(JobExecution::getStatus).containsExactly(BatchStatus.COMPLETED);
        assertThat(postgres.sql("SELECT raw_event_id FROM quarantine WHERE reason = 'insert_refused' ORDER BY 1")
                .query(Long.class).list()).isEqualTo(refused);
        assertThat(postgres.sql("SELECT detail FROM quarantine WHERE reason = 'insert_refused'").query(String.class).list())
                .allSatisfy(detail -> assertThat(detail).startsWith("ClickHouse refused its row of conversions: Code: 69")
                        .contains("Decimal value is too big"));
        assertThat(clickHouse.sql().sql("SELECT conversion_id FROM conversions FINAL WHERE workspace_id = 'shop-ws'")
                .query(String.class).list()).hasSize(18).doesNotContain("cv-7", "cv-13");
        assertThat(clickHouse.sql().sql("SELECT count() FROM outbound_messages FINAL WHERE workspace_id = 'shop-ws'")
                .query(Long.class).single()).isEqualTo(20);
        assertThat(postgres.sql("SELECT last_id FROM etl_watermark").query(Long.class).single())
                .isEqualTo(postgres.sql("SELECT max(id) FROM raw_events").query(Long.class).single());
    }

    /**
     * 400 raw events of 1 MiB (customer messages of a million characters) of one workspace and 10 ordinary events of
     * another, loaded by `etl` in a JVM of 512 MiB with the default settings.
     */
    @Test
    void largeEventsLoadInABoundedHeapBesideAnotherWorkspacesEvents() throws Exception {
        workspace("big", "big-ws", "106540350000001");
        workspace("small", "small-ws", null);
        RawEventsFixture raw = new RawEventsFixture(postgres);
        String text = "x".repeat((1 << 20) - 1000);
        for (int n = 0; n < 400; n++) {
            byte[] body = MetaPayloads.inbound("102290120000001", "106540350000001", "Big",
                    MetaPayloads.textMessage("wamid.BIG" + n, "91990000" + n, T0.plusSeconds(n), text, null));
            assertThat(body.length).isBetween((1 << 20) - 1000, 1 << 20);
            raw.meta(body);
        }
        PlatformEvents small = new PlatformEvents("small-ws");
        for (int n = 0; n < 10; n++) {
            raw.platform("small-ws", small.agentMessageSent("e-small-" + n, T0.plusSeconds(n), "wamid.SMALL" + n,
                    "9188" + n, "agent-2"));
        }

        Path log = Files.createTempFile("etl-heap-", ".log");
        log.toFile().deleteOnExit();
        Process child = ChildJvm.wapi(databases, log, List.of("-Xmx512m", "-XX:+UseSerialGC"), "etl");
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("etl finished").isTrue();
        assertThat(child.exitValue()).as("etl succeeded; its log:%n%s", ChildJvm.read(log)).isZero();

        assertThat(clickHouse.sql().sql("SELECT count() FROM inbound_messages FINAL WHERE workspace_id = 'big-ws'")
                .query(Long.class).single()).isEqualTo(400);
        assertThat(clickHouse.sql().sql("SELECT count() FROM outbound_messages FINAL WHERE workspace_id = 'small-ws'")
                .query(Long.class).single()).isEqualTo(10);
        assertThat(postgres.sql("SELECT last_id FROM etl_watermark").query(Long.class).single())
                .isEqualTo(postgres.sql("SELECT max(id) FROM raw_events").query(Long.class).single());
    }

    private void workspace(String org, String workspace, String phoneNumberId) {
        setup.createOrganization(org, org, "UTC", "owner@" + org + ".test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(workspace, org, workspace);
        if (phoneNumberId != null) {
            setup.addPhoneNumber(workspace, phoneNumberId, "102290120000001", "15550000001");
        }
    }
}
