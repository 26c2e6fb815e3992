package com.wapi.analytics.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The OpenAPI description of the reporting API (no token needed). */
@RestController
class OpenApiController {

    private final byte[] description;

    OpenApiController() throws IOException {
        try (InputStream in = new ClassPathResource("api/openapi.json").getInputStream()) {
            description = in.readAllBytes();
        }
    }

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] openapi() {
        return description;
    }
}
