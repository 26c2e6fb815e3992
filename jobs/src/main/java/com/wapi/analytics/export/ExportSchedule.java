package com.wapi.analytics.export;

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
class ExportSchedule {

    private static final Logger log = LoggerFactory.getLogger("export");

    private final ExportTick tick;

    ExportSchedule(ExportTick tick) {
        this.tick = tick;
    }

    @Scheduled(fixedDelayString = "${wapi.export.tick-delay:PT5M}", initialDelayString = "PT45S")
    void tick() {
        try {
            tick.tick(Instant.now()).forEach(due -> log.info("export subscription {} {}: {}", due.subscriptionId(),
                    due.periodText(), due.outcome()));
        } catch (Exception e) {
            log.error("export tick failed: {}", e.getMessage(), e);
        }
    }
}
