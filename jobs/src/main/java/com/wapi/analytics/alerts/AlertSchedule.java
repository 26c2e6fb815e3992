package com.wapi.analytics.alerts;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
@Profile("serve")
@ConditionalOnProperty(name = "wapi.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class AlertSchedule {

    private static final Logger log = LoggerFactory.getLogger("alerts");

    private final AlertEvaluator evaluator;

    AlertSchedule(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Scheduled(fixedDelayString = "${wapi.alerts.tick-delay:PT5M}", initialDelayString = "PT45S")
    void tick() {
        try {
            AlertEvaluator.Evaluation evaluation = evaluator.evaluate(Instant.now());
            evaluation.lines().forEach(line -> log.info("alert {}", line));
            log.debug("alerts evaluated for {} workspaces in {} ms", evaluation.workspaces(), evaluation.total().toMillis());
        } catch (Exception e) {
            log.error("alert evaluation failed: {}", e.getMessage(), e);
        }
    }
}
