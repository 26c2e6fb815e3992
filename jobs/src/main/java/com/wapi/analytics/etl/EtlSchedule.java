package com.wapi.analytics.etl;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** `serve` runs the etl every minute; a run still going, here or in another process, makes the tick a no-op. */
@Component
@Profile("serve")
@ConditionalOnProperty(name = "wapi.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class EtlSchedule {

    private static final Logger log = LoggerFactory.getLogger("etl");

    private final EtlRunner runner;

    EtlSchedule(EtlRunner runner) {
        this.runner = runner;
    }

    @Scheduled(fixedDelayString = "${wapi.etl.schedule-delay:PT1M}", initialDelayString = "${wapi.etl.schedule-initial-delay:PT10S}")
    void tick() {
        try {
            runner.run(null, false, Duration.ZERO).ifPresent(executions -> executions.forEach(execution -> {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    log.info(EtlCommand.summary(execution));
                } else {
                    log.error(EtlCommand.summary(execution));
                }
            }));
        } catch (Exception e) {
            log.error("etl tick failed: {}", e.getMessage(), e);
        }
    }
}
