package com.wapi.analytics.simulate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator meant to produce, counted by the definitions of docs/definitions.md as it generated the traffic:
 * per workspace, each broadcast's funnel, the failures per local day and Meta error code, and the conversations
 * and revenue per attributed touch ("broadcast/ID", "flow/ID", "link/ID").
 */
public record GroundTruth(Map<String, Workspace> workspaces) {

    public GroundTruth() {
        this(new TreeMap<>());
    }

    public static final class Funnel {
        public String localDay;
        public long targeted;
        public long sent;
        public long delivered;
        public long read;
        public long failed;
    }

    public static final class Workspace {
        public Map<String, Funnel> broadcasts = new TreeMap<>();
        /** local day -> Meta error code -> failed messages (all sources) */
        public Map<String, Map<Integer, Long>> failures = new TreeMap<>();
        public Map<String, Long> conversationsByTouch = new TreeMap<>();
        public Map<String, Long> conversionsByTouch = new TreeMap<>();
        public Map<String, BigDecimal> revenueByTouch = new TreeMap<>();
    }

    Workspace workspace(String id) {
        return workspaces.computeIfAbsent(id, k -> new Workspace());
    }

    void failure(String workspace, String localDay, int code) {
        workspace(workspace).failures.computeIfAbsent(localDay, k -> new TreeMap<>()).merge(code, 1L, Long::sum);
    }

    void conversation(String workspace, String touch) {
        workspace(workspace).conversationsByTouch.merge(touch, 1L, Long::sum);
    }

    void conversion(String workspace, String touch, BigDecimal amount) {
        workspace(workspace).conversionsByTouch.merge(touch, 1L, Long::sum);
        workspace(workspace).revenueByTouch.merge(touch, amount, BigDecimal::add);
    }
}
