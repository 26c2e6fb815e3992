package com.wapi.analytics.server;

import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health on the public port, for load balancers: UP or DOWN and nothing else. The details (database versions,
 * disk) and the metrics are on the management port (WAPI_MANAGEMENT_PORT, bound to 127.0.0.1).
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealthController {

    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = "application/json")
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        boolean up = !Status.DOWN.equals(status) && !Status.OUT_OF_SERVICE.equals(status);
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", up ? "UP" : "DOWN"));
    }
}
