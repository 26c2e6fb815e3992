package com.wapi.analytics.tenancy;

import java.time.ZoneId;

public record Organization(String id, String name, ZoneId timeZone, String ownerEmail, boolean digestEnabled,
        EmptyDayMode emptyDayMode) {

    /** What the owner digest does on a day with no traffic. */
    public enum EmptyDayMode { send, skip }
}
