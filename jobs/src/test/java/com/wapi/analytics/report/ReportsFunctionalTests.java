package com.wapi.analytics.report;

import static com.wapi.analytics.etl.EtlScenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Setup;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every report on {@link ReportScenario}, whose figures are worked out by hand, in every format: the report
 * service (what the CLI and the API call), the CLI's table, JSON and CSV, the API's JSON and CSV, and the views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wapi.scheduler.enabled=false")
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsFunctionalTests {

    static final String WS = ReportScenario.WORKSPACE;
    static final LocalDate DAY = LocalDate.parse("2026-11-23");
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.create().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;
    @Autowired EtlRunner etl;
    @Autowired Reports reports;
    @Autowired WapiCommandLine cli;

    final HttpClient http = HttpClient.newHttpClient();
    String readToken;
    String orgReadToken;
    String ingestToken;
    String otherWorkspaceToken;
    String otherOrgToken;

    @BeforeAll
    void loadScenario() throws Exception {
        ReportScenario.setUp(setup);
        ReportScenario.land(new RawEventsFixture(postgres));
        etl.run(null, false, Duration.ZERO).orElseThrow();
        readToken = setup.createToken(WS, null, ApiToken.Kind.read).secret();
        orgReadToken = setup.createToken(null, "acme", ApiToken.Kind.read).secret();
        ingestToken = setup.createToken(WS, null, ApiToken.Kind.ingest).secret();
        setup.createWorkspace("acme-support", "acme", "Support");
        otherWorkspaceToken = setup.createToken("acme-support", null, ApiToken.Kind.read).secret();
        otherOrgToken = setup.createToken(null, "nyc", ApiToken.Kind.read).secret();
    }

    Report report(String name, String from, String to) {
        return reports.run(name, WS, LocalDate.parse(from), LocalDate.parse(to));
    }

    static List<List<Object>> rows(Report report, String section) {
        return report.section(section).rows();
    }

    static Object time(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).atZone(IST).toOffsetDateTime();
    }

    @Test
    void deliveryPerBroadcastFlowAndTemplate() {
        Report delivery = report("delivery", "2026-11-23", "2026-11-23");
        assertThat(rows(delivery, "broadcasts")).containsExactly(
                List.of("bc_summer", "Summer sale", "summer_sale", 25L, 23L, 19L, 12L, 4L, 2L, 0.76, 12.0 / 19, 130429,
                        "130429 " + label(130429) + " (1); 131009 " + label(131009) + " (1); 131026 " + label(131026) + " (1)"),
                java.util.Arrays.asList("bc_midnight", "Midnight flash", "midnight_flash", 1L, 1L, 1L, 0L, 0L, 0L, 1.0, 0.0, null, ""));
        assertThat(rows(delivery, "flows")).containsExactly(java.util.Arrays.asList("fl_welcome", 1L, 1L, 1L, 0L, 0L, 0L, 1.0, 0.0, null, ""));
        assertThat(rows(delivery, "templates")).extracting(r -> r.subList(0, 6)).containsExactly(
                List.of("summer_sale", 23L, 23L, 19L, 12L, 2L), List.of("midnight_flash", 1L, 1L, 1L, 0L, 0L));
        assertThat(delivery.definitions()).anyMatch(d -> d.startsWith("delivery rate = delivered / targeted"));
        // the pages ask for the broadcasts alone: the same rows, without reading the other groupings
        Report broadcastsOnly = reports.run("delivery", ReportScenario.WORKSPACE, DAY, DAY, java.util.Set.of("broadcasts"));
        assertThat(broadcastsOnly.sections()).extracting(Section::name).containsExactly("broadcasts");
        assertThat(rows(broadcastsOnly, "broadcasts")).isEqualTo(rows(delivery, "broadcasts"));

        // the next local day holds bc_midnight's second message, sent at 00:05 in Kolkata
        assertThat(rows(report("delivery", "2026-11-24", "2026-11-24"), "broadcasts")).extracting(r -> r.subList(0, 4))
                .containsExactly(List.of("bc_midnight", "Midnight flash", "midnight_flash", 1L));
        // New York: 23:30 on 11-23 counts on 11-23, 00:30 on 11-24 does not
        Report nyc = reports.run("delivery", ReportScenario.NYC_WORKSPACE, DAY, DAY);
        assertThat(rows(nyc, "broadcasts")).extracting(r -> r.subList(0, 6))
                .containsExactly(List.of("bc_nyc", "", "", 1L, 1L, 1L));
    }

    @Test
    void failuresByCodeWithLabelsAndChange() {
        Report failures = report("failures", "2026-11-23", "2026-11-23");
        List<List<Object>> rows = rows(failures, "codes");
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(130429, 131009, 131026, 131049);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(1)).isEqualTo(0);
            assertThat(r.subList(6, 9)).containsExactly(1L, 0.25, 1L);
            assertThat(r.subList(11, 13)).containsExactly(0L, 1L);
        });
        assertThat(rows.get(3).get(2)).isEqualTo(label(131049));
        assertThat(rows.get(3).get(4)).isEqualTo("retryable");
        assertThat(rows.get(3).get(9)).isEqualTo(time(270));
        assertThat(rows.get(0).get(9)).isEqualTo(time(25));
        // the next day nothing failed: each code shows its drop against 11-23
        assertThat(rows(report("failures", "2026-11-24", "2026-11-24"), "codes"))
                .extracting(r -> List.of(r.get(0), r.get(6), r.get(11), r.get(12)))
                .contains(List.of(131049, 0L, 1L, -1L));
    }

    @Test
    void agentsAndWhoIsBuried() {
        Report agents = report("agents", "2026-11-23", "2026-11-23");
        assertThat(rows(agents, "agents")).containsExactly(
                java.util.Arrays.asList("ana", "sales", 1L, 0L, 2L, 1L, 1L, 1L, 1.0, 0L, 0L, null, null, "",
                        1L, 300L, 300L, null, 1L, 790L, 790L, null),
                withoutAge(java.util.Arrays.asList("ben", "sales", 1L, 0L, 0L, 0L, 1L, 0L, 0.0, 1L, 1L, time(2000), null, "BURIED",
                        0L, null, null, null, 0L, null, null, null),
                        rows(agents, "agents").get(1)));
        assertThat(rows(agents, "teams")).extracting(r -> r.subList(0, 11))
                .containsExactly(List.of("sales", 2L, 0L, 2L, 1L, 2L, 1L, 0.5, 1L, 1L, time(2000)));
    }

    /** The age of the oldest waiting message depends on the clock: take it from the actual row, check it is positive. */
    private static List<Object> withoutAge(List<Object> expected, List<Object> actual) {
        assertThat((Long) actual.get(12)).isPositive();
        List<Object> copy = new ArrayList<>(expected);
        copy.set(12, actual.get(12));
        return copy;
    }

    @Test
    void responseTimeDistributions() {
        Report times = report("response-times", "2026-11-23", "2026-11-23");
        // first response 300 s (5-15 min); replies 300 s and 90 s (1-5 min); cv1 resolved 790 s after it opened.
        // No business hours set: every hour counts, business times equal wall-clock ones; no SLA target.
        assertThat(rows(times, "agents")).containsExactly(
                java.util.Arrays.asList("ana", "first_response", 1L, 300L, 300L, 300L, 300L, 300L, 300L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, null, null, null),
                java.util.Arrays.asList("ana", "reply", 2L, 300L, 300L, 300L, 300L, 300L, 300L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, null, null, null),
                java.util.Arrays.asList("ana", "resolution", 1L, 790L, 790L, 790L, 790L, 790L, 790L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, null, null, null));
        assertThat(rows(times, "teams")).extracting(r -> r.subList(0, 4)).containsExactly(List.of("sales", "first_response", 1L, 300L),
                List.of("sales", "reply", 2L, 300L), List.of("sales", "resolution", 1L, 790L));
        assertThat(rows(times, "overall")).extracting(r -> r.subList(0, 3))
                .containsExactly(List.of("all", "first_response", 1L), List.of("all", "reply", 2L), List.of("all", "resolution", 1L));
    }

    @Test
    void flowsFromTheLoadedFlowEvents() throws Exception {
        Report flows = report("flows", "2026-11-23", "2026-11-23");
        assertThat(rows(flows, "flows")).containsExactly(java.util.Arrays.asList("fl_welcome", 1L, 1L, 0L, 0L, 0L, 0L, 1.0,
                null, 0.0, null, 20L, 20L, 0L, 0L, ""));
        assertThat(rows(flows, "steps")).extracting(r -> r.subList(1, 6))
                .containsExactly(List.of(1L, "greet", "Greeting", 1L, 0L), List.of(2L, "ask", "Ask the size", 1L, 0L));
        HttpResponse<String> run = get("/api/v1/workspaces/" + WS + "/flow-runs/run_1", readToken, "application/json");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(run.body())).isEqualTo(JSON.readTree(JSON.writeValueAsString(ReportWriter.toJson(reports.flowRun(WS, "run_1")))));
        assertThat(get("/api/v1/workspaces/" + WS + "/flow-runs/run_1", otherWorkspaceToken, "application/json").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/workspaces/" + WS + "/flow-runs/nope", readToken, "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void attributionWithinTheWindows() {
        Report attribution = report("attribution", "2026-11-23", "2026-12-01");
        assertThat(rows(attribution, "touches")).containsExactly(
                List.of("(none)", "", 0L, 0L, 1L, 1L),
                List.of("broadcast", "bc_midnight", 2L, 0L, 0L, 0L),
                List.of("broadcast", "bc_summer", 23L, 0L, 1L, 1L),
                List.of("flow", "fl_welcome", 1L, 0L, 0L, 0L),
                List.of("link", "lnk_promo", 1L, 2L, 1L, 0L));
        assertThat(rows(attribution, "revenue")).containsExactly(
                List.of("(none)", "", "USD", 1L, new java.math.BigDecimal("20")),
                List.of("broadcast", "bc_summer", "INR", 1L, new java.math.BigDecimal("499")));
        assertThat(rows(attribution, "clicks")).containsExactly(
                List.of("lnk_promo", "facebook", "desktop", "US", 1L),
                List.of("lnk_promo", "instagram", "mobile", "IN", 1L));
    }

    @Test
    void theAttributionWindowIsASetting() {
        try {
            // five minutes: cv1 opened 409 s after its broadcast touch falls out; cv2, 105 s after its click, stays
            new AttributionWindows(clickHouse, java.time.Duration.ofMinutes(5), java.time.Duration.ofDays(7)).store();
            Report attribution = report("attribution", "2026-11-23", "2026-12-01");
            assertThat(rows(attribution, "touches")).extracting(r -> List.of(r.get(0), r.get(1), r.get(4)))
                    .contains(List.of("(none)", "", 2L), List.of("broadcast", "bc_summer", 0L), List.of("link", "lnk_promo", 1L));
            assertThat(attribution.definitions()).anyMatch(d -> d.contains("in the 5 minutes before it opened"));
        } finally {
            new AttributionWindows(clickHouse, java.time.Duration.ofHours(72), java.time.Duration.ofDays(7)).store();
        }
    }

    @Test
    void trendsAgainstTheDayAndWeekBefore() {
        Report trends = report("trends", "2026-11-23", "2026-11-23");
        List<Object> day = rows(trends, "days").get(0);
        assertThat(day.get(0)).isEqualTo("2026-11-23");
        assertThat(day.subList(1, 4)).containsExactly(27L, 27L, 27L);
        assertThat(day.get(4)).isEqualTo(21.0 / 27);
        assertThat(day.get(7)).isEqualTo(12.0 / 21);
        assertThat(day.subList(10, 13)).containsExactly(4L, 4L, 4L);
        assertThat(day.subList(13, 16)).containsExactly(2L, 2L, 2L);
        assertThat(day.get(16)).isEqualTo(300L);
        assertThat((String) day.get(19)).contains("targeted +27 vs the day before", "targeted +27 vs a week before");
        assertThat(day.get(5)).isNull();
    }

    @Test
    void cliApiAndViewsAgreeInEveryFormat() throws Exception {
        for (String name : reports.names()) {
            String[] period = name.equals("attribution") ? new String[] {"2026-11-23", "2026-12-01"}
                    : new String[] {"2026-11-23", "2026-11-23"};
            Report report = report(name, period[0], period[1]);
            JsonNode expected = JSON.readTree(JSON.writeValueAsString(ReportWriter.toJson(report)));
            if (name.equals("agents")) {
                continue; // the oldest waiting age moves with the clock between two calls; its rows are checked above
            }
            CliResult json = CliResult.run(cli, "report", name, "--workspace", WS, "--from", period[0], "--to", period[1],
                    "--format", "json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(JSON.readTree(json.out())).as(name).isEqualTo(expected);

            HttpResponse<String> api = get("/api/v1/workspaces/" + WS + "/reports/" + name + "?from=" + period[0] + "&to="
                    + period[1], readToken, "application/json");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(api.body())).as(name).isEqualTo(expected);

            StringWriter csv = new StringWriter();
            ReportWriter.csv(report.sections().get(0), csv);
            CliResult cliCsv = CliResult.run(cli, "report", name, "--workspace", WS, "--from", period[0], "--to", period[1],
                    "--format", "csv");
            HttpResponse<String> apiCsv = get("/api/v1/workspaces/" + WS + "/reports/" + name + "?from=" + period[0]
                    + "&to=" + period[1], readToken, "text/csv");
            assertThat(cliCsv.out()).isEqualTo(csv.toString());
            assertThat(apiCsv.body()).isEqualTo(csv.toString());
            assertThat(parse(csv.toString())).hasSize(report.sections().get(0).rows().size() + 1);

            CliResult table = CliResult.run(cli, "report", name, "--workspace", WS, "--from", period[0], "--to", period[1]);
            assertThat(table.exitCode()).isZero();
            assertThat(table.out()).contains("Definitions:");
        }
        CliResult table = CliResult.run(cli, "report", "delivery", "--workspace", WS, "--from", "2026-11-23", "--to", "2026-11-23");
        assertThat(table.out()).containsPattern("bc_summer +Summer sale +summer_sale +25 +23 +19 +12 +4 +2 +76\\.0% +63\\.2%");

        Map<String, Object> view = clickHouse.sql().sql("""
                SELECT targeted, sent, delivered, read, failed, pending, delivery_rate FROM broadcast_funnel
                 WHERE workspace_id = :ws AND broadcast_id = 'bc_summer'""").param("ws", WS).query().singleRow();
        assertThat(view.values().stream().map(String::valueOf)).containsExactly("25", "23", "19", "12", "4", "2", "0.76");
    }

    @Test
    void csvCellsAreNeutralizedAndRoundTrip() throws Exception {
        StringWriter out = new StringWriter();
        Section section = new Section("s", "S", Column.text("name"), Column.count("change"));
        section.add("=HYPERLINK(\"http://x\")", -3L);
        ReportWriter.csv(section, out);
        List<CSVRecord> records = parse(out.toString());
        assertThat(records.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(records.get(1).get(1)).isEqualTo("-3");
    }

    @Test
    void auditLogIsPaginatedAndFiltered() throws Exception {
        String base = "/api/v1/workspaces/" + WS + "/audit?from=2026-11-23&to=2026-11-23";
        JsonNode all = JSON.readTree(get(base, readToken, "application/json").body());
        assertThat(all.get("entries")).hasSize(7);
        assertThat(all.get("entries").get(0).get("action").asString()).isEqualTo("opened");
        assertThat(all.get("entries").get(0).get("time").asString()).isEqualTo("2026-11-23T15:36:50+05:30");
        JsonNode page2 = JSON.readTree(get(base + "&page=2&page_size=3", readToken, "application/json").body());
        assertThat(page2.get("entries")).hasSize(3);
        assertThat(page2.get("has_more").asBoolean()).isTrue();
        JsonNode replies = JSON.readTree(get(base + "&agent=ana&action=reply", readToken, "application/json").body());
        assertThat(replies.get("entries")).hasSize(2);
        assertThat(get(base + "&action=drop", readToken, "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void everyEndpointChecksItsToken() throws Exception {
        String ws = "/api/v1/workspaces/" + WS;
        for (String path : List.of(ws + "/reports/delivery?from=2026-11-23&to=2026-11-23",
                ws + "/audit?from=2026-11-23&to=2026-11-23", ws + "/exports/broadcasts.csv?from=2026-11-23&to=2026-11-23",
                ws + "/exports/conversations.csv?from=2026-11-23&to=2026-11-23")) {
            assertThat(get(path, null, "application/json").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "wapi_read_not-a-token", "application/json").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, otherWorkspaceToken, "application/json").statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, otherOrgToken, "application/json").statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, ingestToken, "application/json").statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, readToken, "application/json").statusCode()).as(path).isEqualTo(200);
            assertThat(get(path, orgReadToken, "application/json").statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> unknown = get(ws + "/reports/nope?from=2026-11-23&to=2026-11-23", readToken, "application/json");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("delivery");
        assertThat(get("/api/v1/workspaces/nowhere/reports/delivery?from=2026-11-23&to=2026-11-23", readToken,
                "application/json").statusCode()).isEqualTo(403);
        JsonNode openapi = JSON.readTree(get("/api/v1/openapi.json", null, "application/json").body());
        assertThat(openapi.get("paths").has("/api/v1/workspaces/{workspaceId}/reports/{name}")).isTrue();
    }

    @Test
    void cliRefusesBadInputWithTheFix() {
        CliResult unknown = CliResult.run(cli, "report", "delivery", "--workspace", "nope", "--from", "2026-11-23", "--to", "2026-11-23");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("workspace list");
        CliResult backwards = CliResult.run(cli, "report", "delivery", "--workspace", WS, "--from", "2026-11-23", "--to", "2026-11-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        CliResult format = CliResult.run(cli, "report", "delivery", "--workspace", WS, "--from", "2026-11-23", "--to", "2026-11-23", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
    }

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return SafeCsv.FORMAT.parse(new StringReader(csv)).getRecords();
    }

    private static String label(int code) {
        return com.wapi.analytics.readers.errors.MetaErrorCatalogue.describe(code, "").label();
    }
}
