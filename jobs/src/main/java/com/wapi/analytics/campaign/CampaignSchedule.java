package com.wapi.analytics.campaign;

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
class CampaignSchedule {

    private static final Logger log = LoggerFactory.getLogger("campaign");

    private final CampaignTick tick;

    CampaignSchedule(CampaignTick tick) {
        this.tick = tick;
    }

    @Scheduled(fixedDelayString = "${wapi.campaign.tick-delay:PT5M}", initialDelayString = "PT45S")
    void tick() {
        try {
            tick.tick(Instant.now()).forEach(due -> log.info("campaign email {} {}: {}", due.workspaceId(),
                    due.broadcastId(), due.outcome()));
        } catch (Exception e) {
            log.error("campaign email tick failed: {}", e.getMessage(), e);
        }
    }
}
