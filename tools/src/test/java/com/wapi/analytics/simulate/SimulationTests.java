package com.wapi.analytics.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator at small scale through the real receiver (signed webhooks, authenticated events, disorder and
 * duplicates), then the etl job: every report figure equals what the simulator meant to produce.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wapi.scheduler.enabled=false", "wapi.meta.app-secret=sim-secret"})
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTests {

    static final List<LocalDate> DAYS = List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.create().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort int port;
    @Autowired WapiCommandLine cli;
    @Autowired EtlRunner etl;
    @Autowired Reports reports;
    @Autowired JdbcClient postgres;
    @TempDir static Path dir;

    GroundTruth truth;

    @BeforeAll
    void simulate() throws Exception {
        Path file = dir.resolve("truth.json");
        CliResult run = CliResult.run(cli, "simulate", "--url", "http://127.0.0.1:" + port, "--days", "2026-11-23,2026-11-24",
                "--scale", "1", "--seed", "11", "--truth", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        truth = JsonMapper.builder().build().readValue(file.toFile(), GroundTruth.class);
        etl.run(null, false, Duration.ZERO).orElseThrow();
    }

    @Test
    void everyRawEventBecameFacts() {
        assertThat(postgres.sql("SELECT count(*) FROM quarantine").query(Long.class).single()).isZero();
        assertThat(truth.workspaces()).containsOnlyKeys("acme-sales", "acme-support", "nyc-shop", "berlin-orders");
        assertThat(truth.workspaces().values()).allSatisfy(ws -> {
            assertThat(ws.broadcasts).hasSize(4);
            assertThat(ws.conversationsByTouch).isNotEmpty();
        });
    }

    @Test
    void deliveryPerBroadcastIsWhatWasSent() {
        truth.workspaces().forEach((ws, expected) -> expected.broadcasts.forEach((broadcast, funnel) -> {
            LocalDate day = LocalDate.parse(funnel.localDay);
            Report delivery = reports.run("delivery", ws, day, day);
            List<Object> row = delivery.section("broadcasts").rows().stream().filter(r -> r.get(0).equals(broadcast))
                    .findFirst().orElseThrow(() -> new AssertionError(broadcast + " missing from " + ws + " " + day));
            assertThat(row.subList(3, 8)).as(broadcast)
                    .containsExactly(funnel.targeted, funnel.sent, funnel.delivered, funnel.read, funnel.failed);
        }));
    }

    @Test
    void failureMixPerDayIsWhatWasSent() {
        truth.workspaces().forEach((ws, expected) -> expected.failures.forEach((day, codes) -> {
            LocalDate local = LocalDate.parse(day);
            Map<Integer, Long> reported = new TreeMap<>();
            for (List<Object> row : reports.run("failures", ws, local, local).section("codes").rows()) {
                if ((Long) row.get(6) > 0) {
                    reported.merge((Integer) row.get(0), (Long) row.get(6), Long::sum);
                }
            }
            assertThat(reported).as(ws + " " + day).isEqualTo(codes);
        }));
        assertThat(truth.workspaces().values().stream().flatMap(w -> w.failures.values().stream())
                .flatMap(m -> m.keySet().stream()).distinct()).contains(131049, 131026);
    }

    @Test
    void attributionIsWhatWasSent() {
        truth.workspaces().forEach((ws, expected) -> {
            Report attribution = reports.run("attribution", ws, DAYS.get(0), DAYS.get(1).plusDays(3));
            Map<String, Long> conversations = new TreeMap<>();
            Map<String, Long> conversions = new TreeMap<>();
            for (List<Object> row : attribution.section("touches").rows()) {
                String touch = row.get(0) + "/" + row.get(1);
                if ((Long) row.get(4) > 0) {
                    conversations.put(touch, (Long) row.get(4));
                }
                if ((Long) row.get(5) > 0) {
                    conversions.put(touch, (Long) row.get(5));
                }
            }
            Map<String, BigDecimal> revenue = new HashMap<>();
            for (List<Object> row : attribution.section("revenue").rows()) {
                revenue.merge(row.get(0) + "/" + row.get(1), (BigDecimal) row.get(4), BigDecimal::add);
            }
            assertThat(conversations).as(ws).isEqualTo(expected.conversationsByTouch);
            assertThat(conversions).as(ws).isEqualTo(expected.conversionsByTouch);
            expected.revenueByTouch.forEach((touch, amount) ->
                    assertThat(revenue.get(touch)).as(ws + " " + touch).isEqualByComparingTo(amount));
        });
    }
}
