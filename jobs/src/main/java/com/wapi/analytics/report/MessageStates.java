package com.wapi.analytics.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * The rows of the view message_state (clickhouse/003_views.sql) for some of its messages, as a table expression
 * that groups only those messages. The view groups a workspace's sends and statuses by message before a condition on
 * the send (its time, its broadcast) can apply, so a report on one week read the whole history; ClickHouse does not
 * push such a condition below the grouping. Here the view's own SELECT, read from the migration file so that there
 * is one definition, gets the condition inside: the sends it selects, and the statuses of those sends.
 */
public final class MessageStates {

    private static final String VIEW_FILE = "clickhouse/003_views.sql";
    private static final Pattern VIEW = Pattern.compile(
            "(?s)CREATE VIEW IF NOT EXISTS message_state AS\\s*(SELECT.*?HAVING max\\(is_outbound\\) = 1);");
    private static final String SENDS = "FROM outbound_messages\n";
    private static final String STATUSES = "FROM message_status\n";
    private static final String TEMPLATE = template();

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
        return "(" + TEMPLATE.replace("{sends}", chosen).replace("{statuses}",
                workspaces + " AND wamid IN (SELECT message_key FROM outbound_messages WHERE " + chosen + ")") + ")";
    }

    /**
     * As {@link #of}, for the messages that can have failed: refused sends and sends with a failed status. A report
     * on failures still keeps {@code state = 'failed'} (a failed status followed by a delivery is not a failure);
     * this only spares it the grouping of every other message.
     */
    public static String ofFailed(String workspaces, String sends) {
        return of(workspaces, sends + " AND (accepted = 0 OR message_key IN (SELECT wamid FROM message_status WHERE "
                + workspaces + " AND status = 'failed'))");
    }

    /** Sent from the time of the parameter {@code from} (included) to that of {@code to} (excluded), UTC. */
    public static String sentBetween(String from, String to) {
        return "event_time >= toDateTime(:" + from + ", 'UTC') AND event_time < toDateTime(:" + to + ", 'UTC')";
    }

    private static String template() {
        String file;
        try {
            file = new ClassPathResource(VIEW_FILE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = file.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        Matcher view = VIEW.matcher(withoutComments);
        if (!view.find()) {
            throw new IllegalStateException(VIEW_FILE + " no longer defines message_state as MessageStates expects");
        }
        String select = view.group(1);
        if (count(select, SENDS) != 1 || count(select, STATUSES) != 1) {
            throw new IllegalStateException("message_state in " + VIEW_FILE + " must read outbound_messages and "
                    + "message_status once each, as MessageStates expects");
        }
        return select.replace(SENDS, "FROM outbound_messages WHERE {sends}\n")
                .replace(STATUSES, "FROM message_status WHERE {statuses}\n");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
