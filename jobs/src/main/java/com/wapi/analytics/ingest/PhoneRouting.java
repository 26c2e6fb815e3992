package com.wapi.analytics.ingest;

import com.wapi.analytics.tenancy.PhoneNumber;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * phone_number_id -> workspace for the receiver, cached briefly (unknown numbers too), so landing a webhook costs
 * no lookup. The etl job routes authoritatively; this only fills raw_events.workspace_id.
 */
@Component
class PhoneRouting {

    private static final long TTL_NANOS = Duration.ofSeconds(30).toNanos();

    private record Entry(String workspaceId, long expiresAt) {
    }

    private final PhoneNumberRepository phones;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    PhoneRouting(PhoneNumberRepository phones) {
        this.phones = phones;
    }

    String workspaceOf(String routeKey) {
        if (routeKey == null || routeKey.length() > 30) {
            return null;
        }
        long now = System.nanoTime();
        Entry entry = cache.get(routeKey);
        if (entry == null || entry.expiresAt() < now) {
            if (cache.size() > 100_000) {
                cache.clear();
            }
            Optional<PhoneNumber> phone = phones.findById(routeKey);
            entry = new Entry(phone.map(PhoneNumber::workspaceId).orElse(null), now + TTL_NANOS);
            cache.put(routeKey, entry);
        }
        return entry.workspaceId();
    }
}
