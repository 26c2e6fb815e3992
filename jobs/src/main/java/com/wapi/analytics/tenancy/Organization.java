package com.wapi.analytics.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** @param createdAt when the organization was set up: no digest is due for a day before it */
public record Organization(String id, String name, ZoneId timeZone, String ownerEmail, boolean digestEnabled,
        EmptyDayMode emptyDayMode, Instant createdAt) {

    /** What the owner digest does on a day with no traffic. */
    public enum EmptyDayMode { send, skip }

    /** The settings as `org show` prints them and the audit trail keeps them. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", name);
        settings.put("timezone", timeZone.getId());
        settings.put("owner_email", ownerEmail);
        settings.put("digest", digestEnabled ? "on" : "off");
        settings.put("empty_day", emptyDayMode.name());
        return settings;
    }
}
