package com.wapi.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.report.ReportScenario;
import com.wapi.analytics.support.Chromium;
import com.wapi.analytics.support.MailIntegrationTest;
import com.wapi.analytics.support.MailParts;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages in Debian's Chromium at 1280x800 and 375x812 on {@link ReportScenario}: every page opens with no console
 * error and no sideways scroll, the overview shows bc_summer's 76%, clicking the broadcast opens its page and its CSV
 * download arrives. The owner signs in through the link emailed to them (GreenMail). Screenshots go to
 * jobs/target/screenshots/ for review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wapi.scheduler.enabled=false")
@ActiveProfiles("serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests extends MailIntegrationTest {

    static final String PERIOD = "?from=2026-11-23&to=2026-11-23";
    static final List<String> PAGES = List.of("overview", "broadcasts", "broadcasts/bc_summer", "failures", "agents",
            "attribution", "flows", "audit");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static final String OWNER = "owner@acme.test";
    static final Pattern LINK = Pattern.compile("http\\S*(/login/ott\\?token=[A-Za-z0-9-]+)");
    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired EtlRunner etl;

    @BeforeAll
    void loadScenario() throws Exception {
        ReportScenario.setUp(setup);
        ReportScenario.land(new RawEventsFixture(postgres));
        etl.run(null, false, Duration.ZERO).orElseThrow();
    }

    @Test
    void everyPageOnADesktopAndAPhone() throws Exception {
        for (int[] size : new int[][] {{1280, 800}, {375, 812}}) {
            try (Chromium browser = new Chromium(size[0], size[1], Files.createTempDirectory("downloads"))) {
                signIn(browser);
                assertThat(browser.innerWidth()).isEqualTo(size[0]);
                for (String page : PAGES) {
                    browser.driver().get(url("/app/workspaces/" + ReportScenario.WORKSPACE + "/" + page + PERIOD));
                    String where = page + " at " + size[0] + "x" + size[1];
                    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).as(where).isNotBlank();
                    assertThat(browser.consoleErrors()).as(where).isEmpty();
                    assertThat(browser.sidewaysOverflow()).as(where + ": sideways scroll").isZero();
                    browser.screenshot(SCREENSHOTS.resolve(page.replace('/', '-') + "-" + size[0] + ".png"));
                }
            }
        }
    }

    @Test
    void theOverviewLeadsToABroadcastAndItsCsv() throws Exception {
        Path downloads = Files.createTempDirectory("downloads");
        try (Chromium browser = new Chromium(1280, 800, downloads)) {
            signIn(browser);
            browser.driver().get(url("/app/workspaces/" + ReportScenario.WORKSPACE + "/overview" + PERIOD));
            WebElement summer = browser.driver().findElement(
                    By.xpath("//section[@data-section='broadcasts']//tr[.//a[text()='bc_summer']]"));
            assertThat(summer.getText()).contains("19 of 25 · 76.0%");
            summer.findElement(By.linkText("bc_summer")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/broadcasts/bc_summer"));
            assertThat(browser.driver().findElements(By.cssSelector("#recipients tbody tr"))).hasSize(25);

            browser.driver().findElement(By.id("csv")).click();
            Path csv = downloads.resolve("recipients-bc_summer-2026-11-23-2026-11-23.csv");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Files.exists(csv));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> lines(csv) == 26);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** As a person does: asks for a link on the sign-in page, opens the emailed link and presses Sign in. */
    private void signIn(Chromium browser) throws Exception {
        int before = smtp.getReceivedMessagesForDomain(OWNER).length;
        browser.driver().get(url("/app"));
        browser.driver().findElement(By.id("username")).sendKeys(OWNER);
        browser.driver().findElement(By.cssSelector("form[action='/signin/link'] button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> smtp.getReceivedMessagesForDomain(OWNER).length > before);
        MimeMessage[] mails = smtp.getReceivedMessagesForDomain(OWNER);
        Matcher link = LINK.matcher(MailParts.part(mails[mails.length - 1], "text/plain"));
        assertThat(link.find()).as("a sign-in link in the email").isTrue();
        browser.driver().get(url(link.group(1)));
        browser.driver().findElement(By.cssSelector("form[action='/login/ott'] button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/overview"));
        assertThat(browser.consoleErrors()).as("signing in").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
