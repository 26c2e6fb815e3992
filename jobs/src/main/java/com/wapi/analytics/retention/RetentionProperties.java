package com.wapi.analytics.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param rawDays how many UTC days of raw events are kept once loaded (the day under way not counted) */
@ConfigurationProperties("wapi.retention")
public record RetentionProperties(@DefaultValue("30") int rawDays) {
}
