package com.wapi.analytics.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * Targeted, delivered and failed messages of a workspace in the recent window and in its baseline, the 7 days
 * before it (message_state, counted by send time as the delivery and failures reports count them).
 */
record MessageFigures(Instant recentFrom, Instant recentTo, Instant baselineFrom, Window recent, Window baseline) {

    /** @param failures failed messages by Meta error code; {@code titles} Meta's title of each code, when it gave one */
    record Window(long targeted, long delivered, Map<Integer, Long> failures, Map<Integer, String> titles) {

        double deliveryRate() {
            return targeted == 0 ? 0 : (double) delivered / targeted;
        }
    }
}
