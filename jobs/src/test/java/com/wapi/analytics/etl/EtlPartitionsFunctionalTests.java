package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.PartitionLimitProxy;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events of one chunk spread over 150 months (a platform replaying years of history): current ClickHouse releases
 * refuse an insert whose rows fall in more than 100 partitions, so the etl splits the insert by months.
 */
class EtlPartitionsFunctionalTests {

    private static final int MONTHS = 150;

    @Test
    void oneChunkOverMoreThanAHundredMonthsLoadsInInsertsOfAtMostAHundred() throws Exception {
        TestDatabases.Pair databases = TestDatabases.create();
        int chPort = Integer.parseInt(databases.clickHouse().url().replaceFirst(".*:(\\d+)/.*", "$1"));
        try (PartitionLimitProxy clickHouse = new PartitionLimitProxy(chPort)) {
            Map<String, Object> props = new HashMap<>(databases.springProperties());
            props.put("wapi.clickhouse.url", databases.clickHouse().url().replace(":" + chPort + "/", ":" + clickHouse.port() + "/"));
            props.put("wapi.etl.partitions", "1");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WapiApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
                Setup setup = app.getBean(Setup.class);
                setup.createOrganization("history", "History", "UTC", "owner@history.test", true,
                        Organization.EmptyDayMode.send);
                setup.createWorkspace("history-ws", "history", "History");
                RawEventsFixture raw = new RawEventsFixture(app.getBean(JdbcClient.class));
                PlatformEvents events = new PlatformEvents("history-ws");
                Instant first = Instant.parse("2012-01-15T12:00:00Z");
                for (int m = 0; m < MONTHS; m++) {
                    Instant at = first.atOffset(ZoneOffset.UTC).plusMonths(m).toInstant();
                    raw.platform("history-ws", events.agentMessageSent("e-" + m, at, "wamid.H" + m, "9177" + m, "agent-1"));
                }

                List<JobExecution> run = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow();

                assertThat(run).extracting(JobExecution::getStatus).containsExactly(BatchStatus.COMPLETED);
                assertThat(clickHouse.mostMonthsInOneInsert()).isEqualTo(FactInserts.MAX_MONTHS_PER_INSERT);
                assertThat(app.getBean(ClickHouse.class).sql().sql("""
                        SELECT count(), uniqExact(toYYYYMM(event_time)) FROM outbound_messages FINAL
                         WHERE workspace_id = 'history-ws'""").query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single()).containsExactly((long) MONTHS, (long) MONTHS);
            }
        }
    }
}
