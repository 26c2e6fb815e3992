package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.bench.RawBacklog;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.ChildJvm;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Setup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The etl process is killed (SIGKILL) in the middle of a run over a backlog: the run stays STARTED in the batch
 * repository, its lock dies with its connection, and the next run recovers it and restarts the same job instance
 * from the last committed chunk of each partition. The facts and the quarantine then equal those of a clean run.
 */
class EtlKillFunctionalTests {

    private static final int BACKLOG = 60_000;
    private static final int CHUNK_SIZE = 250;
    private static final int CHUNKS_BEFORE_KILL = 8;

    @Test
    void killedRunIsRecoveredAndTheRestartEqualsACleanRun() throws Exception {
        TestDatabases.Pair killed = TestDatabases.create();
        int landed;
        try (ConfigurableApplicationContext app = start(killed.springProperties())) {
            landed = landBacklog(app);
        }

        JdbcClient pg = killed.postgres();
        killMidRun(killed, 1);
        assertThat(statuses(pg)).as("killed in the middle of the run").containsExactly("STARTED");
        assertThat(pg.sql("SELECT count(*) FROM etl_watermark").query(Long.class).single()).isZero();
        killMidRun(killed, 2);
        assertThat(statuses(pg)).as("the first run recovered, its restart killed in the middle too")
                .containsExactly("FAILED", "STARTED");
        long loadedBeforeKill;
        try (ClickHouse clickHouse = new ClickHouse(killed.clickHouse())) {
            loadedBeforeKill = clickHouse.sql().sql("SELECT count() FROM outbound_messages").query(Long.class).single();
        }
        assertThat(loadedBeforeKill).as("some facts loaded before the kill").isPositive();

        Map<String, List<String>> afterRestart;
        List<String> quarantinedAfterRestart;
        try (ConfigurableApplicationContext app = start(killed.springProperties())) {
            List<JobExecution> next = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow();
            assertThat(next).as("the killed run restarted, and it covered every raw event").hasSize(1);
            JobExecution restarted = next.get(0);
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(restarted.getJobInstance().getInstanceId()).as("restarted, not re-created")
                    .isEqualTo(pg.sql("SELECT min(job_instance_id) FROM batch_job_instance").query(Long.class).single());
            long reread = restarted.getStepExecutions().stream()
                    .filter(s -> EtlJobConfiguration.isLoadingStep(s.getStepName())).mapToLong(s -> s.getReadCount()).sum();
            assertThat(reread).as("resumed after the last committed chunks").isLessThanOrEqualTo(
                    landed - 2L * CHUNKS_BEFORE_KILL * CHUNK_SIZE);
            assertThat(statuses(pg)).as("the killed executions are marked failed")
                    .containsExactly("FAILED", "FAILED", "COMPLETED");
            assertThat(pg.sql("SELECT count(DISTINCT job_instance_id) FROM batch_job_execution").query(Long.class).single())
                    .isOne();
            assertThat(pg.sql("SELECT last_id FROM etl_watermark").query(Long.class).single()).isEqualTo(landed);
            afterRestart = EtlRestartFunctionalTests.factChecksums(app.getBean(ClickHouse.class));
            quarantinedAfterRestart = quarantine(app.getBean(JdbcClient.class));
        }

        TestDatabases.Pair clean = TestDatabases.create();
        try (ConfigurableApplicationContext app = start(clean.springProperties())) {
            assertThat(landBacklog(app)).isEqualTo(landed);
            List<JobExecution> run = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow();
            assertThat(run.get(0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(afterRestart).isEqualTo(EtlRestartFunctionalTests.factChecksums(app.getBean(ClickHouse.class)));
            assertThat(quarantinedAfterRestart).isEqualTo(quarantine(app.getBean(JdbcClient.class)))
                    .hasSize(EtlScenario.QUARANTINED);
        }
        assertThat(afterRestart.get("message_status").get(0)).as("the backlog's statuses were loaded")
                .satisfies(count -> assertThat(Long.parseLong(count)).isGreaterThan(BACKLOG / 2));
    }

    /**
     * Runs `etl` in another JVM until its {@code execution}-th job execution has committed a few chunks, then
     * kills it with SIGKILL: no shutdown hook, no rollback, connections cut.
     */
    private static void killMidRun(TestDatabases.Pair databases, int execution) throws Exception {
        JdbcClient pg = databases.postgres();
        Path log = Files.createTempFile("etl-kill-", ".log");
        log.toFile().deleteOnExit();
        Process etl = startEtlProcess(databases, log);
        try {
            // a bound on a hang, not a speed check: a child JVM on a busy 2-core machine took 80 s to start
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (committedChunks(pg, execution) < CHUNKS_BEFORE_KILL) {
                assertThat(etl.isAlive()).as("the etl process runs until killed; its log:%n%s", ChildJvm.read(log)).isTrue();
                assertThat(System.nanoTime()).as("chunks committed in time; log:%n%s", ChildJvm.read(log)).isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            etl.destroyForcibly();
            etl.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(etl.exitValue()).as("killed, not finished; log:%n%s", ChildJvm.read(log)).isEqualTo(137);
    }

    /** The hand-made scenario (with its quarantine cases) and then a generated backlog; returns how many events. */
    private static int landBacklog(ConfigurableApplicationContext app) throws Exception {
        EtlScenario.setUp(app.getBean(Setup.class));
        int scenario = EtlScenario.land(new RawEventsFixture(app.getBean(JdbcClient.class)));
        long generated = RawBacklog.land(app.getBean(DataSource.class), app.getBean(Setup.class), BACKLOG, 4, 7);
        return scenario + (int) generated;
    }

    private static Process startEtlProcess(TestDatabases.Pair databases, Path log) throws Exception {
        return ChildJvm.wapi(databases, log, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dwapi.etl.chunk-size=" + CHUNK_SIZE), "etl");
    }

    /** Chunks committed by the loading steps of the {@code execution}-th job execution (0 before it exists). */
    private static long committedChunks(JdbcClient pg, int execution) {
        return pg.sql("""
                SELECT coalesce(sum(s.commit_count), 0) FROM batch_step_execution s
                 WHERE s.step_name LIKE 'loadFactsPartition%'
                   AND s.job_execution_id = (SELECT job_execution_id FROM batch_job_execution
                                              ORDER BY job_execution_id OFFSET ? LIMIT 1)""")
                .param(execution - 1).query(Long.class).single();
    }

    private static List<String> statuses(JdbcClient pg) {
        return pg.sql("SELECT status FROM batch_job_execution ORDER BY job_execution_id").query(String.class).list();
    }

    private static List<String> quarantine(JdbcClient pg) {
        return pg.sql("SELECT raw_event_id || ' ' || reason FROM quarantine WHERE replayed_at IS NULL ORDER BY raw_event_id")
                .query(String.class).list();
    }

    private static ConfigurableApplicationContext start(Map<String, ?> properties) {
        return new SpringApplicationBuilder(WapiApplication.class).web(WebApplicationType.NONE)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
