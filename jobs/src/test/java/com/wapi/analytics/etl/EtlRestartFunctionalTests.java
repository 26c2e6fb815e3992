package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TcpProxy;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Setup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ClickHouse goes away in the middle of a run: the run fails with a clear message, and the next run restarts it
 * from its last committed chunk; the facts then equal those of a clean run over the same raw events.
 */
class EtlRestartFunctionalTests {

    private static TcpProxy proxy;

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void clickHouseLostMidRunFailsClearlyAndTheRestartEqualsACleanRun() throws Exception {
        TestDatabases.Pair flaky = TestDatabases.create();
        int chPort = Integer.parseInt(flaky.clickHouse().url().replaceFirst(".*:(\\d+)/.*", "$1"));
        proxy = new TcpProxy(chPort);
        Map<String, Object> props = new java.util.HashMap<>(flaky.springProperties());
        props.put("wapi.clickhouse.url", flaky.clickHouse().url().replace(":" + chPort + "/", ":" + proxy.port() + "/"));
        props.put("wapi.etl.chunk-size", "5");

        Map<String, List<String>> restarted;
        try (ConfigurableApplicationContext app = start(props)) {
            EtlRunner etl = app.getBean(EtlRunner.class);
            EtlScenario.setUp(app.getBean(Setup.class));
            int landed = EtlScenario.land(new RawEventsFixture(app.getBean(JdbcClient.class)));

            proxy.cutAfterRequests(12);
            JobExecution failed = etl.run(null, false, Duration.ZERO).orElseThrow().get(0);
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(EtlCommand.summary(failed)).contains("failed:", "run `scripts/wapi etl` again");
            long committedBefore = failed.getStepExecutions().stream()
                    .filter(s -> EtlJobConfiguration.isLoadingStep(s.getStepName())).mapToLong(s -> s.getCommitCount()).sum();
            assertThat(committedBefore).as("chunks committed before the cut").isPositive();

            proxy.restore();
            List<JobExecution> next = etl.run(null, false, Duration.ZERO).orElseThrow();
            assertThat(next).hasSize(1);
            assertThat(next.get(0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(next.get(0).getJobInstance().getInstanceId()).as("restarted, not re-created")
                    .isEqualTo(failed.getJobInstance().getInstanceId());
            assertThat(next.get(0).getStepExecutions().stream().filter(s -> EtlJobConfiguration.isLoadingStep(s.getStepName()))
                    .mapToLong(s -> s.getReadCount()).sum()).as("resumed after the last commit").isLessThan(landed);
            restarted = factChecksums(app.getBean(ClickHouse.class));
        }

        TestDatabases.Pair clean = TestDatabases.create();
        try (ConfigurableApplicationContext app = start(clean.springProperties())) {
            EtlScenario.setUp(app.getBean(Setup.class));
            EtlScenario.land(new RawEventsFixture(app.getBean(JdbcClient.class)));
            assertThat(app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow().get(0).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(restarted).isEqualTo(factChecksums(app.getBean(ClickHouse.class)));
        }
    }

    /** Per fact table: the count of facts and a checksum of their contents (raw_event_id aside). */
    static Map<String, List<String>> factChecksums(ClickHouse clickHouse) {
        Map<String, List<String>> sums = new TreeMap<>();
        for (FactTable table : FactTables.all()) {
            String columns = String.join(", ", table.columns().stream().filter(c -> !c.equals("raw_event_id"))
                    .map(c -> "toString(" + c + ")").toList());
            sums.put(table.name(), clickHouse.sql().sql("SELECT toString(count()), toString(sum(cityHash64(" + columns
                    + "))) FROM " + table.name() + " FINAL").query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).single());
        }
        return sums;
    }

    private static ConfigurableApplicationContext start(Map<String, ?> properties) {
        return new SpringApplicationBuilder(WapiApplication.class).web(WebApplicationType.NONE)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
