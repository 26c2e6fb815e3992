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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spring Batch remote partitioning: a run with {@code wapi.etl.workers=remote} queues its partitions' step execution
 * requests in Postgres and two etl-worker JVMs load them; the facts equal those of one local worker. A worker killed
 * with SIGKILL mid-partition stalls the run; after the run is stopped, the next run restarts it, a live worker loads
 * the rest of that partition, and the facts are again identical.
 */
class EtlRemoteWorkersFunctionalTests {

    private static final int BACKLOG = 20_000;
    private static final int CHUNK_SIZE = 500;
    private static final int PARTITIONS = 4;
    private static final int CHUNKS_BEFORE_KILL = 3;
    private static final List<String> REMOTE = List.of("wapi.etl.workers=remote", "wapi.etl.partitions=" + PARTITIONS,
            "wapi.etl.worker-poll=200ms");
    private static final Pattern STARTED = Pattern.compile("w1: loadFactsPartition:ids\\d+ \\(step execution (\\d+)");

    private static Map<String, List<String>> oneLocalWorker;

    @BeforeAll
    static void loadWithOneLocalWorker() throws Exception {
        try (ConfigurableApplicationContext app = start(TestDatabases.create(), List.of("wapi.etl.partitions=1"))) {
            landBacklog(app);
            JobExecution run = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow().get(0);
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            oneLocalWorker = EtlRestartFunctionalTests.factChecksums(app.getBean(ClickHouse.class));
        }
        assertThat(Long.parseLong(oneLocalWorker.get("message_status").get(0))).isGreaterThan(BACKLOG / 2);
    }

    @Test
    void twoWorkerProcessesLoadTheSameFactsAsOneLocalWorker() throws Exception {
        TestDatabases.Pair databases = TestDatabases.create();
        List<Process> workers = new ArrayList<>();
        try (ConfigurableApplicationContext app = start(databases, REMOTE)) {
            landBacklog(app);
            workers.add(worker(databases, "w1"));
            workers.add(worker(databases, "w2"));
            JobExecution run = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow().get(0);
            assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);

            Map<String, String> workerOfPartition = workerOfEachPartition(app, run);
            assertThat(workerOfPartition).as("every partition ran in a worker process").hasSize(PARTITIONS)
                    .doesNotContainValue("");
            assertThat(workerOfPartition.values()).as("both workers loaded partitions: %s", workerOfPartition)
                    .contains("w1", "w2").containsOnly("w1", "w2");
            assertThat(EtlRestartFunctionalTests.factChecksums(app.getBean(ClickHouse.class))).isEqualTo(oneLocalWorker);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void aKilledWorkerStallsTheRunAndTheRestartWithALiveWorkerLoadsTheSameFacts() throws Exception {
        TestDatabases.Pair databases = TestDatabases.create();
        JdbcClient pg = databases.postgres();
        List<Process> processes = new ArrayList<>();
        try (ConfigurableApplicationContext app = start(databases, REMOTE)) {
            int landed = landBacklog(app);
            Path w1Log = Files.createTempFile("etl-worker-w1-", ".log");
            w1Log.toFile().deleteOnExit();
            Process w1 = ChildJvm.wapi(databases, w1Log, workerOptions(), "etl-worker", "--name", "w1");
            processes.add(w1);
            processes.add(worker(databases, "w2"));
            Path managerLog = Files.createTempFile("etl-manager-", ".log");
            managerLog.toFile().deleteOnExit();
            Process manager = ChildJvm.wapi(databases, managerLog, REMOTE.stream().map(p -> "-D" + p).toList(), "etl");
            processes.add(manager);

            long[] killedStep = new long[1];
            await("w1 starts a partition", () -> {
                Matcher started = STARTED.matcher(ChildJvm.read(w1Log));
                return started.find() && (killedStep[0] = Long.parseLong(started.group(1))) > 0;
            }, w1Log);
            await("w1 commits a few chunks", () -> commits(pg, killedStep[0]) >= CHUNKS_BEFORE_KILL, w1Log);
            w1.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long committedByW1 = commits(pg, killedStep[0]);

            await("the other partitions finish", () -> pg.sql("""
                    SELECT count(*) FROM batch_step_execution
                     WHERE step_name LIKE 'loadFactsPartition%' AND status = 'COMPLETED'""")
                    .query(Long.class).single() == PARTITIONS - 1, managerLog);
            Thread.sleep(3_000);
            assertThat(manager.isAlive()).as("the run waits for the killed worker's partition").isTrue();
            assertThat(pg.sql("SELECT status FROM batch_job_execution").query(String.class).list())
                    .containsExactly("STARTED");
            assertThat(pg.sql("SELECT status FROM batch_step_execution WHERE step_execution_id = ?").param(killedStep[0])
                    .query(String.class).single()).isEqualTo("STARTED");
            assertThat(commits(pg, killedStep[0])).as("no progress after the kill").isEqualTo(committedByW1);

            manager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            List<JobExecution> next = app.getBean(EtlRunner.class).run(null, false, Duration.ZERO).orElseThrow();
            assertThat(next).as("the stalled run restarted, and it covered every raw event").hasSize(1);
            JobExecution restarted = next.get(0);
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            Map<String, String> workerOfPartition = workerOfEachPartition(app, restarted);
            assertThat(workerOfPartition).as("only the killed partition ran again, in the live worker")
                    .hasSize(1).containsValue("w2");
            long reread = restarted.getStepExecutions().stream()
                    .filter(s -> EtlJobConfiguration.isTotalStep(s.getStepName())).mapToLong(s -> s.getReadCount()).sum();
            assertThat(reread).as("resumed after w1's last committed chunk").isPositive()
                    .isLessThanOrEqualTo(landed / PARTITIONS + 1 - committedByW1 * CHUNK_SIZE);
            assertThat(pg.sql("SELECT last_id FROM etl_watermark").query(Long.class).single()).isEqualTo(landed);
            assertThat(EtlRestartFunctionalTests.factChecksums(app.getBean(ClickHouse.class))).isEqualTo(oneLocalWorker);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    /** Partition step executions of the run, by name, each with the worker that ran it (from its context). */
    private static Map<String, String> workerOfEachPartition(ConfigurableApplicationContext app, JobExecution run) {
        Map<String, String> workers = new TreeMap<>();
        app.getBean(JobRepository.class).getJobExecution(run.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(PartitionStep.NAME))
                .forEach(s -> workers.put(s.getStepName(), s.getExecutionContext().getString(WorkerLog.KEY, "")));
        return workers;
    }

    private static Process worker(TestDatabases.Pair databases, String name) throws Exception {
        Path log = Files.createTempFile("etl-worker-" + name + "-", ".log");
        log.toFile().deleteOnExit();
        return ChildJvm.wapi(databases, log, workerOptions(), "etl-worker", "--name", name);
    }

    private static List<String> workerOptions() {
        return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dwapi.etl.chunk-size=" + CHUNK_SIZE,
                "-Dwapi.etl.worker-poll=200ms");
    }

    private static long commits(JdbcClient pg, long stepExecutionId) {
        return pg.sql("SELECT commit_count FROM batch_step_execution WHERE step_execution_id = ?").param(stepExecutionId)
                .query(Long.class).optional().orElse(0L);
    }

    private static void await(String what, BooleanSupplier condition, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s in time; log:%n%s", what, ChildJvm.read(log)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The hand-made scenario (with its quarantine cases) and then a generated backlog; returns how many events. */
    private static int landBacklog(ConfigurableApplicationContext app) throws Exception {
        EtlScenario.setUp(app.getBean(Setup.class));
        int scenario = EtlScenario.land(new RawEventsFixture(app.getBean(JdbcClient.class)));
        return scenario + (int) RawBacklog.land(app.getBean(DataSource.class), app.getBean(Setup.class), BACKLOG, 4, 7);
    }

    private static ConfigurableApplicationContext start(TestDatabases.Pair databases, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--wapi.etl.chunk-size=" + CHUNK_SIZE));
        settings.forEach(s -> args.add("--" + s));
        databases.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(WapiApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
