package com.wapi.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.report.ReportScenario;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.PageClient;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Setup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Every page on {@link ReportScenario}: each table a page shows holds, row by row and column by column, what
 * `scripts/wapi report NAME --format json` prints for the same workspace and days, and the pages show the
 * scenario's figures (bc_summer: 19 of 25 delivered, 76%).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wapi.scheduler.enabled=false")
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesFunctionalTests {

    static final String WS = ReportScenario.WORKSPACE;
    static final String DAY = "2026-11-23";
    static final String PERIOD = "?from=" + DAY + "&to=" + DAY;
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Seconds from now: they move between the page's request and the command's run. */
    static final Set<String> NOW_DEPENDENT = Set.of("oldest_waiting_for");

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.create().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired EtlRunner etl;
    @Autowired WapiCommandLine cli;

    PageClient owner;

    @BeforeAll
    void loadScenario() throws Exception {
        ReportScenario.setUp(setup);
        ReportScenario.land(new RawEventsFixture(postgres));
        etl.run(null, false, Duration.ZERO).orElseThrow();
        owner = PageClient.signIn(cli, port, "owner@acme.test");
    }

    @Test
    void everyTableShowsWhatTheCommandPrints() throws Exception {
        int compared = 0;
        for (String page : List.of("overview", "broadcasts", "broadcasts/bc_summer", "failures", "agents", "attribution", "flows")) {
            Document html = page(page + PERIOD);
            for (Element table : html.select("section[data-report]")) {
                compared += sameAsCommand(page, table);
            }
        }
        assertThat(compared).as("cells compared").isGreaterThan(200);
    }

    @Test
    void theOverviewShowsTheFunnelAndTheBroadcastsProgress() throws Exception {
        Document overview = page("overview" + PERIOD);
        assertThat(overview.select(".tile").eachText()).anySatisfy(t -> assertThat(t).startsWith("Targeted 26"))
                .anySatisfy(t -> assertThat(t).startsWith("Delivered 20")).anySatisfy(t -> assertThat(t).startsWith("Failed 4"));
        Element summer = overview.selectFirst("section[data-section=broadcasts] tr:has(a:contains(bc_summer))");
        assertThat(summer.text()).contains("19 of 25 · 76.0%");
        assertThat(summer.select("svg.progress rect.done").attr("width")).isEqualTo("76.0");
        assertThat(overview.select("svg.chart")).hasSize(2);
        assertThat(overview.select("#time-zone").text()).isEqualTo("Times in Asia/Kolkata");
    }

    @Test
    void aBroadcastsPageListsItsFailuresAndRecipientsAndDownloadsThem() throws Exception {
        Document broadcast = page("broadcasts/bc_summer" + PERIOD);
        assertThat(broadcast.select("#failures tbody tr")).hasSize(4);
        assertThat(broadcast.select("#recipients tbody tr")).hasSize(25);
        Document failed = page("broadcasts/bc_summer" + PERIOD + "&status=failed&code=131049");
        assertThat(failed.select("#recipients tbody tr")).hasSize(1);
        assertThat(failed.select("#recipients tbody tr").text()).contains("failed", "131049");

        HttpResponse<String> csv = get(failed.select("#csv").attr("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"recipients-bc_summer-2026-11-23-2026-11-23.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("contact,wamid,status,sent_at,delivered_at,read_at,failed_at,error_code,error_subcode,error_title");
        assertThat(lines.get(1)).contains(",failed,", ",131049,");
        assertThat(get("/app/workspaces/" + WS + "/broadcasts/bc_summer/recipients.csv" + PERIOD).body().lines()).hasSize(26);
    }

    @Test
    void theFailuresPageDrawsEachCodesDaysAndTheAuditLogFilters() throws Exception {
        Document failures = page("failures" + PERIOD);
        assertThat(failures.select("section[data-section=codes] tbody tr")).hasSize(4)
                .allSatisfy(row -> assertThat(row.select("svg.spark")).hasSize(1));
        Document audit = page("audit" + PERIOD + "&agent=ana");
        assertThat(audit.select("#audit tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.text()).contains("ana"));
        assertThat(page("audit" + PERIOD + "&action=resolved").select("#audit tbody tr")).hasSize(1);
    }

    @Test
    void badInputIsA400NamingTheFixAndTheDefaultPeriodIsTheLastSevenDays() throws Exception {
        HttpResponse<String> bad = get("/app/workspaces/" + WS + "/overview?from=yesterday&to=2026-11-23");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("give both from and to as YYYY-MM-DD");
        assertThat(get("/app/workspaces/" + WS + "/audit" + PERIOD + "&action=dance").body()).contains("unknown action dance");
        Document overview = page("overview");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
        assertThat(overview.select("#period-picker summary").text()).isEqualTo(today.minusDays(6) + " to " + today);
    }

    @Test
    void anotherOrganizationsWorkspaceIsForbiddenAndShowsNothing() throws Exception {
        for (String page : List.of("overview", "broadcasts/bc_nyc", "broadcasts/bc_nyc/recipients.csv", "failures", "audit")) {
            HttpResponse<String> response = get("/app/workspaces/" + ReportScenario.NYC_WORKSPACE + "/" + page + PERIOD);
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            // the page's text and links, not its random tokens (a CSRF token may spell NYC by chance)
            Document forbidden = Jsoup.parse(response.body());
            assertThat(forbidden.text()).as(page).doesNotContain("bc_nyc", "NYC", "12125550001");
            assertThat(forbidden.select("[href*=bc_nyc], [href*=NYC], [src*=bc_nyc]")).as(page).isEmpty();
        }
    }

    @Test
    void assetsAreServedWithCacheHeaders() throws Exception {
        Document overview = page("overview" + PERIOD);
        for (String asset : overview.select("link[href^=/assets/]").eachAttr("href")) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).as(asset).contains("max-age=31536000");
        }
        assertThat(overview.select("link[href^=/assets/]")).hasSize(2);
        assertThat(overview.select("script")).isEmpty();
        assertThat(overview.select("[style]")).isEmpty();
    }

    /** Compares a page's table with the command's JSON section of the same name; gives the number of cells compared. */
    private int sameAsCommand(String page, Element table) {
        String report = table.attr("data-report");
        String section = table.attr("data-section");
        CliResult result = CliResult.run(cli, "report", report, "--workspace", WS, "--from", DAY, "--to", DAY, "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode rows = null;
        for (JsonNode s : JSON.readTree(result.out()).get("sections")) {
            if (s.get("name").asString().equals(section)) {
                rows = s.get("rows");
            }
        }
        assertThat(rows).as(page + ": section " + section + " of " + report).isNotNull();
        List<String> columns = table.select("thead th").eachAttr("data-column");
        List<JsonNode> expected = new ArrayList<>();
        rows.forEach(expected::add);
        if (page.startsWith("broadcasts/")) {
            String id = page.substring("broadcasts/".length());
            expected.removeIf(row -> !row.get("broadcast_id").asString().equals(id));
        }
        List<Element> shown = table.select("tbody tr");
        assertThat(shown).as(page + ": rows of " + report + "/" + section).hasSize(expected.size());
        int cells = 0;
        for (int r = 0; r < shown.size(); r++) {
            List<Element> tds = shown.get(r).select("td");
            for (int c = 0; c < columns.size(); c++) {
                if (NOW_DEPENDENT.contains(columns.get(c))) {
                    continue;
                }
                assertThat(JSON.readTree(tds.get(c).attr("data-value")))
                        .as(page + ": " + report + "/" + section + " row " + r + " " + columns.get(c))
                        .isEqualTo(expected.get(r).get(columns.get(c)));
                cells++;
            }
        }
        return cells;
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> response = get("/app/workspaces/" + WS + "/" + path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return owner.get(path);
    }
}
