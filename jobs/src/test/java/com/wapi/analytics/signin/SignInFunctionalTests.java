package com.wapi.analytics.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.MailIntegrationTest;
import com.wapi.analytics.support.MailParts;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * People sign in to the pages with a one-time link emailed to them, and see only their organization's workspaces
 * their role allows: owner and admin all of them, a manager theirs, an agent none (403). The server runs for real;
 * a plain HTTP client plays the browser and GreenMail receives the links. The public URL is https, so the session
 * cookie must be Secure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wapi.scheduler.enabled=false", "wapi.public-url=https://analytics.example.test",
        "wapi.signin.links-per-address=5", "wapi.signin.links-per-client=60"})
@ActiveProfiles("serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInFunctionalTests extends MailIntegrationTest {

    /** Every page under /app/workspaces/{id}/: each is checked for every role. */
    static final List<String> WORKSPACE_PAGES = List.of("overview", "broadcasts", "broadcasts/bc_1", "broadcasts/bc_1/recipients.csv",
            "failures", "agents", "attribution", "flows", "audit");
    static final Pattern LINK = Pattern.compile("https://analytics\\.example\\.test/login/ott\\?token=[A-Za-z0-9-]+");
    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired WapiCommandLine cli;

    @BeforeAll
    void organizations() {
        setup.createOrganization("acme", "Acme", "Europe/Paris", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-a", "acme", "Alpha");
        setup.createWorkspace("ws-b", "acme", "Beta");
        setup.addMember("acme", null, "admin@acme.test", Member.Role.admin);
        setup.addMember("acme", "ws-a", "manager@acme.test", Member.Role.manager);
        setup.addMember("acme", "ws-a", "agent@acme.test", Member.Role.agent);
        setup.createOrganization("other", "Other", "UTC", "owner@other.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-x", "other", "Xenon Secret");
    }

    @Test
    @Order(1)
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyUsersGetALink() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/signin");
        HttpResponse<String> unknown = browser.post("/signin/link", Map.of("username", "nobody@acme.test"));
        HttpResponse<String> known = browser.post("/signin/link", Map.of("username", "Owner@Acme.test"));

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/sent"));
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(browser.get("/signin/sent").body()).contains("If this address belongs to a user");

        String link = linkFor("owner@acme.test");
        assertThat(link).matches(LINK.pattern());
        assertThat(smtp.getReceivedMessagesForDomain("nobody@acme.test")).isEmpty();
    }

    @Test
    @Order(2)
    void anOwnerSignsInWithTheLinkOnceWithSafeCookieAndHeaders() throws Exception {
        Browser browser = new Browser(port);
        HttpResponse<String> page = browser.get("/signin");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebSecurity.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("<script", "style=");

        String link = requestLink(browser, "owner@acme.test");
        Browser fromEmail = new Browser(port);
        HttpResponse<String> signedIn = fromEmail.followLink(link);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        assertThat(fromEmail.cookie("JSESSIONID")).containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure")
                .containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> app = fromEmail.get("/app");
        assertThat(app.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/app/workspaces/ws-a/overview"));
        HttpResponse<String> overview = fromEmail.get("/app/workspaces/ws-a/overview");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Alpha", "Beta").doesNotContain("Xenon");

        Browser again = new Browser(port);
        HttpResponse<String> reused = again.followLink(link);
        assertThat(reused.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/signin?expired"));
        assertThat(again.get("/signin?expired").body()).contains("expired or was already used", "Ask for a new one",
                "action=\"/signin/link\"");
        assertThat(again.get("/app/workspaces/ws-a/overview").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void anExpiredLinkAsksForANewOne() throws Exception {
        String link = requestLink(new Browser(port), "admin@acme.test");
        db.sql("UPDATE one_time_tokens SET expires_at = now() - interval '1 second'").update();
        Browser browser = new Browser(port);
        HttpResponse<String> late = browser.followLink(link);
        assertThat(late.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin?expired"));
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(4)
    void ownersAndAdminsSeeEveryWorkspaceOfTheirOrganizationOnly() throws Exception {
        for (String email : List.of("owner@acme.test", "admin@acme.test")) {
            Browser browser = signedIn(email);
            for (String page : WORKSPACE_PAGES) {
                assertThat(status(browser, "ws-a", page)).as(email + " " + page).isEqualTo(200);
                assertThat(status(browser, "ws-b", page)).as(email + " " + page).isEqualTo(200);
                assertForbidden(browser, "ws-x", page);
                assertForbidden(browser, "no-such-workspace", page);
            }
        }
    }

    @Test
    @Order(5)
    void aManagerSeesTheirWorkspacesOnly() throws Exception {
        Browser browser = signedIn("manager@acme.test");
        assertThat(browser.get("/app").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/app/workspaces/ws-a/overview"));
        for (String page : WORKSPACE_PAGES) {
            assertThat(status(browser, "ws-a", page)).isEqualTo(200);
            assertForbidden(browser, "ws-b", page);
            assertForbidden(browser, "ws-x", page);
        }
        assertThat(browser.get("/app/workspaces/ws-a/overview").body()).doesNotContain("Beta");
    }

    @Test
    @Order(6)
    void anAgentGetsTheForbiddenPageEverywhere() throws Exception {
        Browser browser = signedIn("agent@acme.test");
        HttpResponse<String> app = browser.get("/app");
        assertThat(app.statusCode()).isEqualTo(403);
        assertThat(app.body()).contains("Agents have no access");
        for (String page : WORKSPACE_PAGES) {
            assertForbidden(browser, "ws-a", page);
        }
    }

    @Test
    @Order(7)
    void signedOutVisitorsAreSentToTheSignInPage() throws Exception {
        Browser browser = new Browser(port);
        assertThat(browser.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        for (String path : List.of("/app", "/app/workspaces/ws-a/overview", "/app/workspaces/ws-x/overview")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/signin"));
            assertThat(response.body()).doesNotContain("Alpha", "Xenon");
        }
    }

    @Test
    @Order(8)
    void formsNeedTheirCsrfFieldAndSigningOutEndsTheSession() throws Exception {
        Browser browser = signedIn("owner@acme.test");
        assertThat(browser.postWithoutCsrf("/signout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(status(browser, "ws-a", "overview")).isEqualTo(200);
        HttpResponse<String> out = browser.post("/signout", Map.of());
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin?signedout"));
        assertThat(status(browser, "ws-a", "overview")).isEqualTo(302);
        assertThat(new Browser(port).postWithoutCsrf("/signin/link", Map.of("username", "owner@acme.test"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void theReceiverApiAndHealthAreUnchanged() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(401);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(events, health)) {
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
        }
    }

    @Test
    @Order(10)
    void theCommandLinePrintsAFreshLinkAndAuditsIt() throws Exception {
        CliResult result = CliResult.run(cli, "user", "link", "manager@acme.test", "--actor", "ops");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String link = result.out().strip();
        assertThat(link).matches(LINK.pattern());
        assertThat(new Browser(port).followLink(link).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        assertThat(db.sql("SELECT count(*) FROM admin_audit WHERE action = 'user.link' AND actor = 'ops'")
                .query(Integer.class).single()).isEqualTo(1);

        CliResult unknown = CliResult.run(cli, "user", "link", "nobody@acme.test");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("scripts/wapi user add");
    }

    @Test
    @Order(11)
    void linkRequestsAreLimitedPerAddress() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/signin");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/signin/link", Map.of("username", "limited@acme.test")).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> refused = browser.post("/signin/link", Map.of("username", "LIMITED@acme.test"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many sign-in links");
        assertThat(browser.post("/signin/link", Map.of("username", "someone-else@acme.test")).statusCode()).isEqualTo(302);
    }

    /** Last: it uses up this client's share. */
    @Test
    @Order(12)
    void linkRequestsAreLimitedPerClient() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/signin");
        int answered = 0;
        int status = 302;
        while (status == 302 && answered <= 60) {
            status = browser.post("/signin/link", Map.of("username", "visitor-" + answered + "@acme.test")).statusCode();
            answered++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(answered).isLessThanOrEqualTo(61);
    }

    private Browser signedIn(String email) throws Exception {
        Browser browser = new Browser(port);
        HttpResponse<String> signedIn = browser.followLink(requestLink(new Browser(port), email));
        assertThat(signedIn.headers().firstValue("Location")).as(email).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        return browser;
    }

    private String requestLink(Browser browser, String email) throws Exception {
        int before = smtp.getReceivedMessagesForDomain(email).length;
        browser.get("/signin");
        assertThat(browser.post("/signin/link", Map.of("username", email)).statusCode()).isEqualTo(302);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (smtp.getReceivedMessagesForDomain(email).length == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return linkFor(email);
    }

    private String linkFor(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (smtp.getReceivedMessagesForDomain(email).length == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        MimeMessage[] messages = smtp.getReceivedMessagesForDomain(email);
        assertThat(messages).as("emails to " + email).isNotEmpty();
        Matcher link = LINK.matcher(MailParts.part(messages[messages.length - 1], "text/plain"));
        assertThat(link.find()).as("a link in the email").isTrue();
        return link.group();
    }

    private int status(Browser browser, String workspace, String page) throws Exception {
        return browser.get("/app/workspaces/" + workspace + "/" + page).statusCode();
    }

    private void assertForbidden(Browser browser, String workspace, String page) throws Exception {
        HttpResponse<String> response = browser.get("/app/workspaces/" + workspace + "/" + page);
        assertThat(response.statusCode()).as(workspace + " " + page).isEqualTo(403);
        assertThat(response.body()).contains("may not open this page").doesNotContain("Xenon");
    }
}
