package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.campaign.CampaignCompletion;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.digest.DigestAssembler;
import com.wapi.analytics.digest.DigestContent;
import com.wapi.analytics.digest.DigestEmail;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import com.wapi.analytics.tenancy.Workspace;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One broadcast through every surface that shows its funnel: the delivery report (service, CLI JSON, API JSON),
 * the analysts' broadcast_funnel view, the owner digest, the campaign completion email and the broadcasts and
 * recipients exports all give the same targeted, sent, delivered, read, failed and pending. The digest is that of
 * a day after a day without broadcasts, checked word for word.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wapi.scheduler.enabled=false")
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneFunnelTests {

    static final LocalDate DAY = LocalDate.parse("2026-11-10");
    static final String WS = "one-sales";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 8 targeted: 7 accepted by Meta, 1 refused; 4 delivered (2 of them read), 2 failed, 2 pending. */
    static final Funnel EXPECTED = new Funnel(8, 7, 4, 2, 2, 2);

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.create().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired ClickHouse clickHouse;
    @Autowired Reports reports;
    @Autowired DigestAssembler digests;
    @Autowired CampaignCompletion campaigns;
    @Autowired Templates templates;
    @Autowired WapiCommandLine cli;

    @TempDir Path dir;
    Organization org;
    Workspace sales;
    String readToken;

    @BeforeAll
    void broadcast() {
        org = setup.createOrganization("one", "One Shop", "Asia/Kolkata", "owner@one.test", true,
                Organization.EmptyDayMode.send);
        sales = setup.createWorkspace(WS, "one", "Sales");
        setup.createWorkspace("one-care", "one", "Care");
        readToken = setup.createToken(WS, null, ApiToken.Kind.read).secret();
        FactsFixture facts = new FactsFixture(clickHouse);
        Instant launch = OffsetDateTime.parse("2026-11-10T10:00:00+05:30").toInstant();
        facts.broadcast(WS, "bc_one", "Winter sale", launch, 8);
        String[] endings = {"read", "read", "delivered", "delivered", "failed", "sent", "accepted"};
        for (int i = 0; i < endings.length; i++) {
            facts.broadcastMessage(WS, "bc_one", "wamid.one" + i, launch.plusSeconds(60 + i), endings[i], 131049);
        }
        facts.sendFailed(WS, "bc_one", "refused-one", launch.plusSeconds(90), 131026);
    }

    @Test
    void everySurfaceGivesTheSameFunnel() throws Exception {
        Section delivery = reports.run("delivery", WS, DAY, DAY).section("broadcasts");
        assertThat(delivery.rows()).hasSize(1);
        assertThat(funnel(name -> ((Number) delivery.value(delivery.rows().get(0), name)).longValue())).isEqualTo(EXPECTED);

        CliResult cliJson = CliResult.run(cli, "report", "delivery", "--workspace", WS, "--from", DAY.toString(), "--to",
                DAY.toString(), "--format", "json");
        assertThat(cliJson.exitCode()).as(cliJson.err()).isZero();
        assertThat(funnel(broadcastRow(JSON.readTree(cliJson.out())))).as("CLI JSON").isEqualTo(EXPECTED);

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/workspaces/" + WS + "/reports/delivery?from=" + DAY + "&to=" + DAY))
                .header("Accept", "application/json").header("Authorization", "Bearer " + readToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(funnel(broadcastRow(JSON.readTree(api.body())))).as("API JSON").isEqualTo(EXPECTED);

        Map<String, Object> view = clickHouse.sql().sql("""
                SELECT targeted, sent, delivered, read, failed, pending FROM broadcast_funnel
                 WHERE workspace_id = :ws AND broadcast_id = 'bc_one'""").param("ws", WS).query().singleRow();
        assertThat(funnel(name -> Long.parseLong(String.valueOf(view.get(name))))).as("view").isEqualTo(EXPECTED);

        DigestContent digest = digests.assemble(org, DAY);
        assertThat(digest.account()).as("digest").isEqualTo(EXPECTED);
        assertThat(digest.workspaces()).filteredOn(card -> card.id().equals(WS)).singleElement()
                .extracting(DigestContent.WorkspaceCard::funnel).as("digest card").isEqualTo(EXPECTED);

        assertThat(campaigns.content(org, sales, "bc_one").funnel()).as("campaign email").isEqualTo(EXPECTED);

        CSVRecord broadcasts = export("--out", dir.resolve("b.csv").toString()).get(0);
        assertThat(funnel(name -> Long.parseLong(broadcasts.get(name)))).as("broadcasts export").isEqualTo(EXPECTED);

        List<CSVRecord> recipients = export("--recipients", "--out", dir.resolve("r.csv").toString());
        assertThat(recipientsFunnel(recipients)).as("recipients export").isEqualTo(EXPECTED);
    }

    @Test
    void theDigestOfADayAfterAnEmptyDayWordForWord() throws Exception {
        DigestEmail email = DigestEmail.render(digests.assemble(org, DAY), new Templates("", "https://analytics.one.test/"));
        FailureCount refused = FailureCount.of(131026, "", 1);
        FailureCount failed = FailureCount.of(131049, "", 1);
        assertThat(email.text()).isEqualTo("""
                One Shop: yesterday on WhatsApp (2026-11-10, Asia/Kolkata)

                Targeted   8
                Sent       7
                Delivered  4 (50.0%%)
                Read       2 (50.0%%)
                Failed     2
                Pending    2
                There were no broadcasts the day before.

                == Care
                Overview of the day: https://analytics.one.test/app/workspaces/one-care/overview?from=2026-11-10&to=2026-11-10
                0 broadcasts, 0 targeted, delivery 0.0%%, read 0.0%%, 0 pending
                Smart Retry: 0 queued, 0 retried, 0 recovered

                == Sales
                Overview of the day: https://analytics.one.test/app/workspaces/%s/overview?from=2026-11-10&to=2026-11-10
                1 broadcast, 8 targeted, delivery 50.0%%, read 50.0%%, 2 pending
                Smart Retry: 0 queued, 0 retried, 0 recovered
                  failure 131026 %s: 1
                  failure 131049 %s: 1

                What failed and what to do
                - 131026 %s (1, %s): %s
                - 131049 %s (1, %s): %s

                Delivery rate = delivered / targeted; read rate = read / delivered. Pending: accepted, neither delivered nor failed yet. Days are calendar days in Asia/Kolkata.
                """.formatted(WS, refused.label(), failed.label(), refused.label(), refused.retry(), refused.fix(), failed.label(),
                failed.retry(), failed.fix()));
        assertThat(email.html()).contains("There were no broadcasts the day before.", "1 broadcast ·", "2 pending",
                "— 1 message,", ">Pending</td>").doesNotContain("pts", "broadcast(s)", "message(s)");
    }

    private static JsonNode broadcastRow(JsonNode report) {
        JsonNode rows = report.get("sections").get(0).get("rows");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Funnel funnel(JsonNode row) {
        return funnel(name -> row.get(name).asLong());
    }

    private static Funnel funnel(java.util.function.ToLongFunction<String> figure) {
        return new Funnel(figure.applyAsLong("targeted"), figure.applyAsLong("sent"), figure.applyAsLong("delivered"),
                figure.applyAsLong("read"), figure.applyAsLong("failed"), figure.applyAsLong("pending"));
    }

    /** The funnel counted from the recipients' final states: sent = a wamid, pending = sent or accepted. */
    private static Funnel recipientsFunnel(List<CSVRecord> recipients) {
        long sent = recipients.stream().filter(r -> !r.get("wamid").isEmpty()).count();
        Map<String, Long> states = new java.util.HashMap<>();
        recipients.forEach(r -> states.merge(r.get("final_state"), 1L, Long::sum));
        long read = states.getOrDefault("read", 0L);
        return new Funnel(recipients.size(), sent, read + states.getOrDefault("delivered", 0L), read,
                states.getOrDefault("failed", 0L), states.getOrDefault("sent", 0L) + states.getOrDefault("accepted", 0L));
    }

    private List<CSVRecord> export(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("export", "broadcasts", "--workspace", WS, "--from",
                DAY.toString(), "--to", DAY.toString()));
        args.addAll(List.of(more));
        CliResult result = CliResult.run(cli, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path file = Path.of(args.get(args.indexOf("--out") + 1));
        return SafeCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
    }
}
