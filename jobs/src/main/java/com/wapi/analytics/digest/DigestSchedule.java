package com.wapi.analytics.digest;

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
class DigestSchedule {

    private static final Logger log = LoggerFactory.getLogger("digest");

    private final DigestTick tick;

    DigestSchedule(DigestTick tick) {
        this.tick = tick;
    }

    @Scheduled(fixedDelayString = "${wapi.digest.tick-delay:PT5M}", initialDelayString = "${wapi.digest.tick-initial-delay:PT30S}")
    void tick() {
        try {
            tick.tick(Instant.now()).forEach(due -> log.info("digest {} {}: {}", due.organizationId(), due.date(), due.outcome()));
        } catch (Exception e) {
            log.error("digest tick failed: {}", e.getMessage(), e);
        }
    }
}
