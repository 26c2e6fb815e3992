package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.report.ReportScenario;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Setup;
import java.time.Duration;
import java.util.ArrayList;
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
 * The etl's partitioned step (Spring Batch: id ranges from {@link IdRangePartitioner}, each a step execution in the
 * job repository, run by {@code wapi.etl.partitions} workers) loads the same facts with one worker as with two.
 */
class EtlWorkersFunctionalTests {

    @Test
    void twoWorkersLoadTheSameFactsAsOne() throws Exception {
        Map<String, List<String>> oneWorker = load(1);
        Map<String, List<String>> twoWorkers = load(2);
        assertThat(twoWorkers).isEqualTo(oneWorker);
        assertThat(oneWorker.get("message_status").get(0)).isNotEqualTo("0");
    }

    /** The scenario loaded by {@code workers} partitions of a few chunks each; its facts' counts and checksums. */
    private static Map<String, List<String>> load(int workers) throws Exception {
        List<String> args = new ArrayList<>(List.of("--wapi.etl.partitions=" + workers, "--wapi.etl.chunk-size=10"));
        TestDatabases.create().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WapiApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            ReportScenario.setUp(app.getBean(Setup.class));
            ReportScenario.land(new RawEventsFixture(app.getBean(JdbcClient.class)));
            JobExecution run = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow().get(0);
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(run.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("loadFactsPartition:")))
                    .as("partition step executions").hasSize(workers);
            return EtlRestartFunctionalTests.factChecksums(app.getBean(ClickHouse.class));
        }
    }
}
