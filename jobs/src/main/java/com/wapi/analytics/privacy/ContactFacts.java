package com.wapi.analytics.privacy;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One contact's facts in one workspace's ClickHouse tables: every row naming the contact, the conversations it
 * opened (their whole audit log) and its flow runs (their steps hold what the customer typed).
 */
final class ContactFacts {

    /** A table and the condition (after {@code workspace_id = ?}) selecting the contact's rows in it. */
    private record Selection(String table, String condition, List<Object> params) {

        String where() {
            return "workspace_id = ? AND (" + condition + ")";
        }

        List<Object> allParams(String workspace) {
            List<Object> all = new ArrayList<>();
            all.add(workspace);
            all.addAll(params);
            return all;
        }
    }

    private final ClickHouse clickHouse;
    private final String workspace;
    private final List<Selection> selections = new ArrayList<>();

    ContactFacts(ClickHouse clickHouse, String workspace, String contact) {
        this.clickHouse = clickHouse;
        this.workspace = workspace;
        List<Object> c = List.of(contact);
        List<Object> cc = List.of(contact, contact);
        selections.add(new Selection("message_status", "contact_id = ? OR recipient_user_id = ?", cc));
        selections.add(new Selection("outbound_messages", "contact_id = ?", c));
        selections.add(new Selection("inbound_messages", "contact_id = ? OR contact_wa_id = ? OR contact_user_id = ?",
                List.of(contact, contact, contact)));
        selections.add(new Selection("retries", "contact_id = ?", c));
        selections.add(new Selection("link_clicks", "contact_id = ?", c));
        selections.add(new Selection("conversions", "contact_id = ?", c));
        List<String> conversations = distinct("agent_actions", "conversation_id", contact);
        selections.add(new Selection("agent_actions",
                "contact_id = ?" + (conversations.isEmpty() ? "" : " OR " + in("conversation_id", conversations)),
                with(contact, conversations)));
        List<String> flowRuns = distinct("outbound_messages", "flow_run_id", contact);
        if (!flowRuns.isEmpty()) {
            selections.add(new Selection("flow_events", in("flow_run_id", flowRuns), new ArrayList<>(flowRuns)));
        }
    }

    /** The ids of the raw events these facts came from. */
    List<Long> rawEventIds() {
        List<Long> ids = new ArrayList<>();
        for (Selection s : selections) {
            ids.addAll(clickHouse.sql().sql("SELECT DISTINCT raw_event_id FROM " + s.table() + " WHERE " + s.where())
                    .params(s.allParams(workspace)).query(Long.class).list());
        }
        return ids;
    }

    /** Stored rows per table (a fact stored twice before a merge counts twice). */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Selection s : selections) {
            counts.put(s.table(), clickHouse.sql().sql("SELECT count() FROM " + s.table() + " WHERE " + s.where())
                    .params(s.allParams(workspace)).query(Long.class).single());
        }
        return counts;
    }

    /**
     * Deletes the rows ({@link ClickHouse#delete}, a mutation ClickHouse applies in the background) and waits until
     * every mutation of those tables is done, so the erasure is complete on return.
     */
    void delete(Duration wait) throws InterruptedException {
        for (Selection s : selections) {
            clickHouse.delete(s.table(), s.where(), s.allParams(workspace));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (Selection s : selections) {
            while (clickHouse.mutationsPending(s.table())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ClickHouse is still deleting from " + s.table() + " after "
                            + wait.toSeconds() + " s (see system.mutations); run the erase again to finish it");
                }
                Thread.sleep(100);
            }
        }
    }

    private List<String> distinct(String table, String column, String contact) {
        return clickHouse.sql().sql("SELECT DISTINCT " + column + " FROM " + table
                + " WHERE workspace_id = ? AND contact_id = ? AND " + column + " != ''")
                .params(workspace, contact).query(String.class).list();
    }

    private static String in(String column, List<String> values) {
        return column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
    }

    private static List<Object> with(String first, List<String> rest) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
