package com.wapi.analytics.report;

/**
 * The rows of the view message_state (clickhouse/003_views.sql) for some of its messages, as a table expression
 * that groups only those messages: the view's own SELECT ({@link ViewText}) reading the sends a condition selects
 * and the statuses of those sends. On the view itself, a condition on the send (its time, its broadcast) applies
 * after the whole history of the workspace has been grouped.
 */
public final class MessageStates {

    private static final String TEMPLATE = new ViewText("message_state")
            .where("FROM outbound_messages", "{sends}").where("FROM message_status", "{statuses}").select();

    /** A send-time condition on outbound_messages with the parameters {@code from} and {@code to}. */
    public static final String SENT_BETWEEN = sentBetween("from", "to");

    private MessageStates() {
    }

    /**
     * message_state for the messages of {@code workspaces} (a condition on workspace_id) whose send row matches
     * {@code sends} (a condition on outbound_messages' columns), e.g. {@code of("workspace_id = :workspace",
     * SENT_BETWEEN)}: the same rows as {@code message_state WHERE <both>}, with sent_at for event_time.
     */
    public static String of(String workspaces, String sends) {
        String chosen = workspaces + " AND " + sends;
        return select(chosen, workspaces + " AND wamid IN (SELECT message_key FROM outbound_messages WHERE " + chosen + ")");
    }

    /**
     * As {@link #of}, for the messages that can have failed: refused sends and sends with a failed status. A report
     * on failures still keeps {@code state = 'failed'} (a failed status followed by a delivery is not a failure);
     * this only spares it the grouping of every other message. The statuses read are those of every message with
     * a failed status, whenever sent: the grouping drops the ones whose send is not chosen.
     */
    public static String ofFailed(String workspaces, String sends) {
        String failedStatus = "(SELECT wamid FROM message_status WHERE " + workspaces + " AND status = 'failed')";
        return select(workspaces + " AND " + sends + " AND (accepted = 0 OR message_key IN " + failedStatus + ")",
                workspaces + " AND wamid IN " + failedStatus);
    }

    private static String select(String sends, String statuses) {
        return "(" + TEMPLATE.replace("{sends}", sends).replace("{statuses}", statuses) + ")";
    }

    /** Sent from the time of the parameter {@code from} (included) to that of {@code to} (excluded), UTC. */
    public static String sentBetween(String from, String to) {
        return "event_time >= toDateTime(:" + from + ", 'UTC') AND event_time < toDateTime(:" + to + ", 'UTC')";
    }
}
