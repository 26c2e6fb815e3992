package com.wapi.analytics.report;

import java.time.Duration;
import java.util.Arrays;

/**
 * Durations of one measure, wall-clock and in business hours: exact percentiles without interpolation
 * ({@link Definitions#PERCENTILES}), the wall-clock histogram and the share within a target.
 */
final class Distribution {

    /** Upper bounds (exclusive, seconds) of the histogram buckets; the last bucket is open. */
    static final long[] BOUNDS = {60, 300, 900, 3600, 14400, 86400};
    static final String[] BUCKETS = {"lt_1m", "1m_5m", "5m_15m", "15m_60m", "1h_4h", "4h_24h", "gt_24h"};

    private long[] wall = new long[8];
    private long[] business = new long[8];
    private int count;
    private boolean sorted;

    void add(long wallSeconds, long businessSeconds) {
        if (count == wall.length) {
            wall = Arrays.copyOf(wall, count * 2);
            business = Arrays.copyOf(business, count * 2);
        }
        wall[count] = wallSeconds;
        business[count++] = businessSeconds;
        sorted = false;
    }

    void addAll(Distribution other) {
        for (int i = 0; i < other.count; i++) {
            add(other.wall[i], other.business[i]);
        }
    }

    long count() {
        return count;
    }

    /** Of n sorted times, the one at position floor(n * q) counting from 0; null when there is none. */
    Long wall(double q) {
        return percentile(wall, q);
    }

    Long business(double q) {
        return percentile(business, q);
    }

    long[] histogram() {
        long[] buckets = new long[BUCKETS.length];
        for (int i = 0; i < count; i++) {
            int b = 0;
            while (b < BOUNDS.length && wall[i] >= BOUNDS[b]) {
                b++;
            }
            buckets[b]++;
        }
        return buckets;
    }

    /** How many took at most the target in business hours; null without a target. */
    Long within(Duration target) {
        if (target == null) {
            return null;
        }
        long within = 0;
        for (int i = 0; i < count; i++) {
            if (business[i] <= target.toSeconds()) {
                within++;
            }
        }
        return within;
    }

    Double withinShare(Duration target) {
        Long within = within(target);
        return within == null || count == 0 ? null : (double) within / count;
    }

    private Long percentile(long[] values, double q) {
        if (count == 0) {
            return null;
        }
        if (!sorted) {
            // wall and business are sorted each on its own: a percentile of each, not a pairing
            Arrays.sort(wall, 0, count);
            Arrays.sort(business, 0, count);
            sorted = true;
        }
        return values[(int) Math.floor(count * q)];
    }
}
