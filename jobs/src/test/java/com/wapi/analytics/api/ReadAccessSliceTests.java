package com.wapi.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.wapi.analytics.export.Exports;
import com.wapi.analytics.report.AuditLog;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.ApiTokens;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who may read what, at the HTTP layer alone (controllers, {@link ReadAccess}, the error answers): every endpoint of the reporting API answers 401 without a valid
 * token, 403 for an ingest token or a token of another workspace or organization (an unknown workspace included),
 * and reads nothing before the token is accepted. The stored tokens, workspaces and figures are stand-ins here;
 * the same matrix against real tokens in Postgres is ReportsFunctionalTests.everyEndpointChecksItsToken.
 */
// the pages' sign-in (package signin) guards only /app and /signin, and lets the API's paths through untouched
@WebMvcTest(controllers = {ReportsApiController.class, ExportsApiController.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.wapi\\.analytics\\.signin\\..*"))
@Import({ReadAccess.class, ApiErrors.class})
class ReadAccessSliceTests {

    static final String FROM_TO = "from=2026-11-23&to=2026-11-23";

    @Autowired MockMvcTester mvc;

    @MockitoBean ApiTokens tokens;
    @MockitoBean WorkspaceRepository workspaces;
    @MockitoBean Reports reports;
    @MockitoBean AuditLog audit;
    @MockitoBean Exports exports;

    @BeforeEach
    void tenants() {
        Workspace ws1 = new Workspace("ws1", "acme", "One");
        when(workspaces.findById("ws1")).thenReturn(Optional.of(ws1));
        when(workspaces.findById("ws9")).thenReturn(Optional.of(new Workspace("ws9", "globex", "Nine")));
        token("read-ws1", ApiToken.Kind.read, "ws1", null);
        token("read-acme", ApiToken.Kind.read, null, "acme");
        token("ingest-ws1", ApiToken.Kind.ingest, "ws1", null);
        token("read-ws9", ApiToken.Kind.read, "ws9", null);
        token("read-globex", ApiToken.Kind.read, null, "globex");
        Organization acme = new Organization("acme", "Acme", ZoneId.of("UTC"), "o@acme.test", true,
                Organization.EmptyDayMode.send, Instant.EPOCH);
        ReportPeriod period = new ReportPeriod(ws1, acme, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"));
        when(reports.run(anyString(), eq("ws1"), any(), any())).thenReturn(new Report("delivery", period, List.of(), List.of()));
        when(reports.flowRun("ws1", "run_1")).thenReturn(new Report("flow_run", period, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource({
            "/reports/delivery?" + FROM_TO + ", ,                   401",
            "/reports/delivery?" + FROM_TO + ", Bearer not-a-token, 401",
            "/reports/delivery?" + FROM_TO + ", Bearer ingest-ws1,  403",
            "/reports/delivery?" + FROM_TO + ", Bearer read-ws9,    403",
            "/reports/delivery?" + FROM_TO + ", Bearer read-globex, 403",
            "/audit?" + FROM_TO + ",            ,                   401",
            "/audit?" + FROM_TO + ",            Bearer not-a-token, 401",
            "/audit?" + FROM_TO + ",            Bearer ingest-ws1,  403",
            "/audit?" + FROM_TO + ",            Bearer read-ws9,    403",
            "/audit?" + FROM_TO + ",            Bearer read-globex, 403",
            "/exports/broadcasts.csv?" + FROM_TO + ",    ,                   401",
            "/exports/broadcasts.csv?" + FROM_TO + ",    Bearer not-a-token, 401",
            "/exports/conversations.xlsx?" + FROM_TO + ", Bearer ingest-ws1, 403",
            "/exports/conversations.xlsx?" + FROM_TO + ", Bearer read-ws9,   403",
            "/exports/broadcasts.csv?" + FROM_TO + ",    Bearer read-globex, 403",
            "/flow-runs/run_1,                  ,                   401",
            "/flow-runs/run_1,                  Bearer ingest-ws1,  403",
            "/flow-runs/run_1,                  Bearer read-ws9,    403",
    })
    void aRefusedRequestNamesTheFixAndReadsNothing(String path, String authorization, int status) {
        MvcTestResult result = get("/api/v1/workspaces/ws1" + path, authorization);
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo(status == 401 ? "unauthorized" : "forbidden");
        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains(status == 401 ? "read token" : authorization.contains("ingest") ? "use a read token" : "ws1");
        verifyNoInteractions(reports, audit, exports);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "/reports/delivery?" + FROM_TO + ",           Bearer read-ws1",
            "/reports/delivery?" + FROM_TO + ",           Bearer read-acme",
            "/audit?" + FROM_TO + ",                      Bearer read-acme",
            "/exports/conversations.xlsx?" + FROM_TO + ", Bearer read-ws1",
            "/flow-runs/run_1,                            Bearer read-acme",
    })
    void aReadTokenOfTheWorkspaceOrItsOrganizationReads(String path, String authorization) {
        assertThat(get("/api/v1/workspaces/ws1" + path, authorization)).hasStatusOk();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Bearer read-ws1", "Bearer read-acme", "Bearer read-globex"})
    void anUnknownWorkspaceLooksLikeAnotherTenantsOne(String authorization) {
        assertThat(get("/api/v1/workspaces/nowhere/reports/delivery?" + FROM_TO, authorization)).hasStatus(403)
                .bodyJson().extractingPath("$.detail").asString().contains("does not cover workspace nowhere");
        verifyNoInteractions(reports);
    }

    private MvcTestResult get(String uri, String authorization) {
        var request = mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON, MediaType.ALL);
        return (authorization == null ? request : request.header("Authorization", authorization)).exchange();
    }

    private void token(String secret, ApiToken.Kind kind, String workspace, String organization) {
        ApiToken token = new ApiToken(secret.hashCode(), secret, kind, workspace, organization);
        when(tokens.authenticateHeader("Bearer " + secret)).thenReturn(Optional.of(token));
    }
}
