package com.wapi.analytics.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily retention run of {@code serve} (RawRetention keeps it to one process at a time). */
@Component
@Profile("serve")
@ConditionalOnProperty(name = "wapi.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RawRetention retention;
    private final RetentionProperties properties;

    RetentionSchedule(RawRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Scheduled(cron = "0 40 3 * * *", zone = "UTC")
    void daily() {
        try {
            RawRetention.Run run = retention.run(properties.rawDays(), false, "serve:retention");
            log.info("retention: {} day partition(s) past {} days, {} dropped, {} dedup keys deleted",
                    run.partitions().size(), properties.rawDays(),
                    run.partitions().stream().filter(RawRetention.Partition::droppable).count(), run.keysDeleted());
        } catch (RuntimeException e) {
            log.error("retention failed, next try tomorrow: {}", e.getMessage());
        }
    }
}
