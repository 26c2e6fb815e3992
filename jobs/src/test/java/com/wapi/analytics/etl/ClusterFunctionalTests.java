package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.clickhouse.ClickHouseProperties;
import com.wapi.analytics.clickhouse.ShardUnavailableException;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.report.ReportScenario;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Setup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same scenario loaded on one ClickHouse server and on the 2x2 cluster of {@code scripts/services up --cluster}
 * ({@code scripts/test --cluster}): the same facts and every report to the digit; a workspace's rows on one shard
 * only; a replica killed mid-run and mid-report changes nothing; a whole shard down fails with its servers named.
 */
@EnabledIfEnvironmentVariable(named = "WAPI_CH_CLUSTER", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFunctionalTests {

    static final String FROM = "2026-11-20";
    static final String TO = "2026-12-02";
    static final List<String> WORKSPACES = List.of(ReportScenario.WORKSPACE, ReportScenario.NYC_WORKSPACE);

    ConfigurableApplicationContext single;
    ConfigurableApplicationContext cluster;
    TestDatabases.Pair clusterDatabases;

    @BeforeAll
    void loadTheScenarioOnBothLayouts() throws Exception {
        single = loaded(TestDatabases.create(""));
        clusterDatabases = TestDatabases.create(System.getenv("WAPI_CH_CLUSTER"));
        cluster = loaded(clusterDatabases, "--wapi.etl.chunk-size=20");
    }

    @AfterAll
    void close() throws Exception {
        restartStoppedNodes();
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {single, cluster}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    @Order(1)
    void theClusterHoldsTheSameFactsAndGivesEveryReportToTheDigit() {
        assertThat(EtlRestartFunctionalTests.factChecksums(cluster.getBean(ClickHouse.class)))
                .isEqualTo(EtlRestartFunctionalTests.factChecksums(single.getBean(ClickHouse.class)));
        for (String name : single.getBean(Reports.class).names()) {
            for (String workspace : WORKSPACES) {
                CliResult one = report(single, name, workspace);
                assertThat(one.exitCode()).as(one.err()).isZero();
                CliResult other = report(cluster, name, workspace);
                assertThat(sinceNow(other.out())).as("%s of %s: %s", name, workspace, other.err())
                        .isEqualTo(sinceNow(one.out()));
            }
        }
    }

    @Test
    @Order(2)
    void aWorkspacesRowsSitOnOneShardOnly() {
        List<String> nodes = TestDatabases.clusterNodes();
        for (FactTable table : FactTables.all()) {
            Set<String> shard1 = workspacesOn(nodes.get(0), table.name());
            Set<String> shard2 = workspacesOn(nodes.get(2), table.name());
            assertThat(Collections.disjoint(shard1, shard2)).as("%s: %s and %s share no workspace", table.name(),
                    shard1, shard2).isTrue();
        }
        // the scenario's two workspaces hash to different shards, so the reports above read both
        assertThat(workspacesOn(nodes.get(0), "message_status")).hasSize(1);
        assertThat(workspacesOn(nodes.get(2), "message_status")).hasSize(1);
    }

    @Test
    @Order(3)
    void aReplicaKilledDuringTheEtlAndDuringReportsChangesNothing() throws Exception {
        Map<String, List<String>> before = EtlRestartFunctionalTests.factChecksums(cluster.getBean(ClickHouse.class));
        for (int i = 0; i < 10; i++) { // the same events again, ten times: the same facts, a run of many chunks
            ReportScenario.land(new RawEventsFixture(cluster.getBean(JdbcClient.class)));
        }
        CompletableFuture<Void> reports = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                CliResult result = report(cluster, "delivery", ReportScenario.WORKSPACE);
                assertThat(result.exitCode()).as(result.err()).isZero();
            }
        });
        CompletableFuture<BatchStatus> etl = CompletableFuture.supplyAsync(() -> runEtl(cluster));
        JdbcClient repository = cluster.getBean(JdbcClient.class);
        await(() -> repository.sql("""
                SELECT coalesce(sum(s.commit_count), 0) FROM batch_step_execution s
                  JOIN batch_job_execution j ON j.job_execution_id = s.job_execution_id WHERE j.status = 'STARTED'""")
                .query(Long.class).single() > 0, "the etl run committed its first chunk");
        // checked before the kill: a run may fail at once when an insert in flight loses its replica
        assertThat(etl).as("the etl run was under way when the replicas died").isNotDone();
        assertThat(reports).as("the reports were under way when the replicas died").isNotDone();
        kill(3); // shard 2, replica 2
        kill(1); // shard 1, replica 2
        reports.get();
        if (etl.get() != BatchStatus.COMPLETED) {
            assertThat(runEtl(cluster)).isEqualTo(BatchStatus.COMPLETED); // the restart after the failed run
        }
        assertThat(EtlRestartFunctionalTests.factChecksums(cluster.getBean(ClickHouse.class))).isEqualTo(before);
        restartStoppedNodes();
    }

    @Test
    @Order(4)
    void aWholeShardDownFailsWithItsServersNamedNeverWithSmallerNumbers() throws Exception {
        kill(2);
        kill(3);
        String tcpPorts = TestDatabases.clusterPorts(2) + "|" + TestDatabases.clusterPorts(3);
        assertThatThrownBy(() -> cluster.getBean(Reports.class).run("delivery", ReportScenario.WORKSPACE,
                LocalDate.parse(FROM), LocalDate.parse(TO)))
                .isInstanceOf(ShardUnavailableException.class)
                .hasMessageStartingWith("a ClickHouse shard is unavailable")
                .hasMessageMatching("(?s).*127\\.0\\.0\\.1:(" + tcpPorts + ").*");
        CliResult cli = report(cluster, "delivery", ReportScenario.WORKSPACE);
        assertThat(cli.exitCode()).isNotZero();
        assertThat(cli.err()).contains("a ClickHouse shard is unavailable");
        restartStoppedNodes();
        assertThat(report(cluster, "delivery", ReportScenario.WORKSPACE).exitCode()).isZero();
    }

    @Test
    @Order(5)
    void anErasedContactsRowsAreGoneOnEveryReplica() {
        String gone = EtlScenario.contact(1);
        String kept = EtlScenario.contact(2);
        List<String> nodes = TestDatabases.clusterNodes();
        Map<String, Long> keptBefore = new java.util.HashMap<>();
        for (String node : nodes) { // the workspace's shard holds the contact on both replicas, the other shard none
            boolean itsShard = workspacesOn(node, "message_status").contains(ReportScenario.WORKSPACE);
            assertThat(rowsNaming(node, gone) > 0).as("rows of %s on %s", gone, node).isEqualTo(itsShard);
            keptBefore.put(node, rowsNaming(node, kept));
            assertThat(keptBefore.get(node) > 0).as("rows of %s on %s", kept, node).isEqualTo(itsShard);
        }
        CliResult erased = CliResult.run(cluster.getBean(WapiCommandLine.class), "contact", "erase", "--workspace",
                ReportScenario.WORKSPACE, "--contact", gone, "--actor", "dpo@acme.test");
        assertThat(erased.exitCode()).as(erased.err()).isZero();
        for (String node : nodes) {
            // the command waits for one replica of each shard; the other takes the mutation from ZooKeeper
            await(() -> rowsNaming(node, gone) == 0, "rows of " + gone + " gone on " + node);
            assertThat(rowsNaming(node, kept)).as("rows of %s on %s", kept, node).isEqualTo(keptBefore.get(node));
        }
    }

    private static ConfigurableApplicationContext loaded(TestDatabases.Pair databases, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(more));
        databases.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WapiApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
        ReportScenario.setUp(app.getBean(Setup.class));
        ReportScenario.land(new RawEventsFixture(app.getBean(JdbcClient.class)));
        assertThat(runEtl(app)).isEqualTo(BatchStatus.COMPLETED);
        return app;
    }

    private static BatchStatus runEtl(ConfigurableApplicationContext app) {
        try {
            List<org.springframework.batch.core.job.JobExecution> runs = app.getBean(EtlRunner.class)
                    .run(null, false, Duration.ofSeconds(30)).orElseThrow();
            return runs.get(runs.size() - 1).getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Figures that count from the moment of the query (how long a conversation has waited) are left out. */
    private static String sinceNow(String json) {
        return json.replaceAll("(\"oldest_waiting_for\" : )\\d+", "$1(seconds until now)");
    }

    private static CliResult report(ConfigurableApplicationContext app, String name, String workspace) {
        return CliResult.run(app.getBean(WapiCommandLine.class), "report", name, "--workspace", workspace,
                "--from", FROM, "--to", TO, "--format", "json");
    }

    private Set<String> workspacesOn(String node, String table) {
        try (ClickHouse clickHouse = onNode(node)) {
            return new HashSet<>(clickHouse.sql().sql("SELECT DISTINCT workspace_id FROM " + table + "_local")
                    .query(String.class).list());
        }
    }

    /**
     * The contact's facts in the local tables of one node (statuses, inbound messages, conversions, agent actions),
     * each counted once: background merges of the scenario's repeated loads do not change the figure.
     */
    private long rowsNaming(String node, String contact) {
        try (ClickHouse clickHouse = onNode(node)) {
            return clickHouse.sql().sql("""
                    SELECT (SELECT count() FROM message_status_local FINAL WHERE contact_id = ?)
                         + (SELECT count() FROM inbound_messages_local FINAL WHERE contact_id = ?)
                         + (SELECT count() FROM conversions_local FINAL WHERE contact_id = ?)
                         + (SELECT count() FROM agent_actions_local FINAL WHERE contact_id = ?)""")
                    .params(contact, contact, contact, contact).query(Long.class).single();
        }
    }

    /** The test's database on one node of the cluster (host:http port), its local tables only. */
    private ClickHouse onNode(String node) {
        ClickHouseProperties db = clusterDatabases.clickHouse();
        return new ClickHouse(new ClickHouseProperties("jdbc:clickhouse://" + node + "/" + db.database(), db.user(),
                db.password(), db.driverClassName(), db.connectionProperties(), 1));
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("30 s passed before " + what).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** SIGKILL to node {@code index} (0-3, shard by shard) of scripts/services' cluster. */
    private static void kill(int index) throws Exception {
        long pid = Long.parseLong(Files.readString(TestDatabases.servicesDir().resolve("cluster/ch" + index
                + "/clickhouse.pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException("node " + index + " (pid " + pid + ") is not running"));
        server.destroyForcibly(); // SIGKILL on Unix
        server.onExit().join();
    }

    private static void restartStoppedNodes() throws Exception {
        Path services = TestDatabases.servicesDir().resolveSibling("scripts").resolve("services");
        Process up = new ProcessBuilder(services.toString(), "up", "--cluster").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(up.waitFor()).as("scripts/services up --cluster").isZero();
    }
}
