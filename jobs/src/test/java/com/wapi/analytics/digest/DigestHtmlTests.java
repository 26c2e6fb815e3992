package com.wapi.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.campaign.CampaignCompletion;
import com.wapi.analytics.campaign.CampaignContent;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The digest (and campaign) HTML in a real browser: headless Chromium renders the preview at 375 px and 1280 px
 * (screenshots in jobs/target/digest-screenshots/) and nothing may scroll sideways; and the plain-text part
 * carries exactly the figures of the HTML part.
 */
class DigestHtmlTests extends IntegrationTest {

    static final Path SCREENSHOTS = Path.of("target", "digest-screenshots").toAbsolutePath();
    static final LocalDate DAY = LocalDate.parse("2026-11-01");
    static final Pattern FIGURE = Pattern.compile("[+-]?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:%| pts)?");

    @Autowired Setup setup;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;
    @Autowired DigestAssembler assembler;
    @Autowired CampaignCompletion campaigns;
    @Autowired WorkspaceRepository workspaces;
    @Autowired Templates templates;

    static Organization org;

    @BeforeEach
    void busyDay() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (org != null) {
            return;
        }
        // long names, many failure reasons with long fixes, RED templates, five-digit counts
        org = setup.createOrganization("html", "Sri Venkateshwara Textiles & Handlooms Private Limited", "Asia/Kolkata",
                "owner@html.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("html-sales", "html", "Wholesale-Distributors-Northern-Region-Coimbatore-Tiruppur");
        setup.createWorkspace("html-care", "html", "Customer care (Tamil, English, Hindi)");
        setup.createWorkspace("html-quiet", "html", "Quiet");
        FactsFixture facts = new FactsFixture(clickHouse);
        Instant noon = OffsetDateTime.parse("2026-11-01T12:00:00+05:30").toInstant();
        facts.broadcast("html-sales", "bc_diwali_2026_wholesale_northern_region_extended_offer", "Diwali wholesale offer",
                noon, 40);
        int[] codes = {131049, 131026, 131047, 131050, 130472, 131053, 132001, 368};
        int n = 0;
        for (int i = 0; i < 40; i++) {
            String ending = i < 12 ? "read" : i < 22 ? "delivered" : i < 30 ? "sent" : "failed";
            facts.broadcastMessage("html-sales", "bc_diwali_2026_wholesale_northern_region_extended_offer", "wamid.h" + i,
                    noon.plusSeconds(i), ending, codes[n++ % codes.length]);
        }
        facts.broadcastMessage("html-care", "bc_care", "wamid.care1", noon, "read", 0);
        facts.broadcastMessage("html-care", "bc_care", "wamid.care2", noon, "failed", 131026);
        facts.broadcastMessage("html-sales", "bc_yesterday", "wamid.y1", noon.minusSeconds(86400), "delivered", 0);
        facts.templateQuality("html-sales", "diwali_wholesale_offer_northern_region_v2_hindi_english", noon, "RED");
        facts.templateQuality("html-sales", "festive_greetings", noon, "RED");
    }

    @Test
    void theDigestPreviewFitsAPhoneAndADesktopWithoutSidewaysScrolling() throws Exception {
        Path preview = SCREENSHOTS.resolve("digest.html");
        CliResult result = CliResult.run(cli, "digest", "--org", "html", "--date", DAY.toString(), "--preview",
                preview.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        Path campaign = SCREENSHOTS.resolve("campaign.html");
        Files.writeString(campaign, templates.render("campaign.html.ftlh", Map.of("c", campaigns.content(org,
                workspaces.findById("html-sales").orElseThrow(), "bc_diwali_2026_wholesale_northern_region_extended_offer"))),
                StandardCharsets.UTF_8);

        List<String> lines = check(preview, campaign);
        assertThat(lines).containsExactlyInAnyOrder(
                "CHECK digest 375px ok", "CHECK digest 1280px ok", "CHECK campaign 375px ok", "CHECK campaign 1280px ok");
        for (String png : List.of("digest-375.png", "digest-1280.png", "campaign-375.png", "campaign-1280.png")) {
            assertThat(SCREENSHOTS.resolve(png)).isNotEmptyFile();
        }
    }

    @Test
    void thePlainTextPartCarriesTheFiguresOfTheHtmlPart() {
        DigestContent content = assembler.assemble(org, DAY);
        Map<String, Object> model = Map.of("d", content);
        String html = templates.render("digest.html.ftlh", model);
        String text = templates.render("digest.txt.ftl", model);
        assertThat(content.account().targeted()).isEqualTo(42);
        assertThat(figures(text)).isNotEmpty().isEqualTo(figures(visibleText(html)));

        CampaignContent campaign = campaigns.content(org, workspaces.findById("html-sales").orElseThrow(),
                "bc_diwali_2026_wholesale_northern_region_extended_offer");
        String campaignHtml = templates.render("campaign.html.ftlh", Map.of("c", campaign));
        String campaignText = templates.render("campaign.txt.ftl", Map.of("c", campaign));
        assertThat(figures(campaignText)).isNotEmpty().isEqualTo(figures(visibleText(campaignHtml)));
    }

    /** Runs scripts/check-digest-html; returns its CHECK lines without the measurements. */
    private static List<String> check(Path... files) throws Exception {
        Path script = Path.of("..", "scripts", "check-digest-html").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(script.toString(), "--out", SCREENSHOTS.toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("check-digest-html finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("CHECK "))
                .map(l -> l.replaceAll(" scrollWidth=\\d+ innerWidth=\\d+", "")).toList();
    }

    /** What a reader sees of an HTML email: no head, no comments, no tags, entities decoded. */
    static String visibleText(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(body);
    }

    /** Every figure in order of appearance, counted: numbers, percentages and changes in points. */
    /** The figures of a text, links aside (the HTML part hides its addresses in href). */
    static Map<String, Long> figures(String text) {
        Map<String, Long> found = new java.util.TreeMap<>();
        Matcher m = FIGURE.matcher(text.replaceAll("https?://\\S+", ""));
        while (m.find()) {
            found.merge(m.group(), 1L, Long::sum);
        }
        return found;
    }
}
