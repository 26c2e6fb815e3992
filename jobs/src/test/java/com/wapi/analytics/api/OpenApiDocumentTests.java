package com.wapi.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.report.Reports;
import com.wapi.analytics.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description served by a running server, generated from the controllers: every endpoint of the reporting
 * API with its parameters, answers and the bearer scheme; Swagger UI at /api/docs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wapi.scheduler.enabled=false")
@ActiveProfiles("serve")
@DirtiesContext
class OpenApiDocumentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.create().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort int port;
    @Autowired RequestMappingHandlerMapping mappings;
    @Autowired Reports reports;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void describesEveryEndpointOfTheApiWithTheBearerScheme() throws Exception {
        HttpResponse<String> answer = get("/api/v1/openapi.json");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(answer.body());

        assertThat(api.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/security/0").has("bearer")).isTrue();
        assertThat(names(api.get("paths"))).isEqualTo(apiEndpoints());
        for (JsonNode path : api.get("paths")) {
            JsonNode get = path.get("get");
            assertThat(get.get("summary").asString()).isNotBlank();
            assertThat(names(get.get("responses"))).contains("200", "400", "401", "403");
            assertThat(get.at("/responses/401/content/application~1json/examples/unauthorized/value/detail").asString())
                    .contains("token create");
            for (JsonNode parameter : get.get("parameters")) {
                assertThat(parameter.get("name").asString()).isNotEqualToIgnoringCase("Authorization");
            }
        }
        JsonNode report = api.at("/paths/~1api~1v1~1workspaces~1{workspaceId}~1reports~1{name}/get");
        assertThat(names(report.at("/responses/200/content"))).containsExactlyInAnyOrder("application/json", "text/csv");
        assertThat(report.at("/responses/200/content/application~1json/schema/$ref").asString()).endsWith("/Report");
        assertThat(parameters(report)).containsExactlyInAnyOrder("workspaceId", "name", "from", "to", "section");
        assertThat(report.get("parameters").findValues("enum").get(0).values().stream().map(JsonNode::asString))
                .containsExactlyElementsOf(reports.names());
        JsonNode export = api.at("/paths/~1api~1v1~1workspaces~1{workspaceId}~1exports~1{kind}.{format}/get");
        assertThat(names(export.at("/responses/200/content"))).contains("text/csv");
        assertThat(parameters(export)).containsExactlyInAnyOrder("workspaceId", "kind", "format", "from", "to",
                "recipients");
        assertThat(names(api.at("/components/schemas/Report/properties")))
                .contains("report", "workspace_id", "from", "to", "time_zone", "sections", "definitions");
    }

    @Test
    void swaggerUiShowsTheDescription() throws Exception {
        HttpResponse<String> page = get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(JSON.readTree(get("/api/v1/openapi.json/swagger-config").body()).get("url").asString())
                .isEqualTo("/api/v1/openapi.json");
    }

    /** What the server answers under /api/v1, from its request mappings. */
    private Set<String> apiEndpoints() {
        Set<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals(ApiDocumentation.class.getPackageName())) {
                paths.addAll(info.getPatternValues());
            }
        });
        return paths;
    }

    private static Set<String> names(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
