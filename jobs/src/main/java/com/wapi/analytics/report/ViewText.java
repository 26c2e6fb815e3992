package com.wapi.analytics.report;

import com.wapi.analytics.clickhouse.ClickHouseMigrator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SELECT of a view as the migration files in clickhouse/ define it last, with conditions added to the tables it
 * reads. ClickHouse applies a report's condition on a grouping view after the grouping, so a report on one week
 * groups the whole history; the same SELECT with the condition inside groups only what the week needs. Reading the
 * text from the migrations keeps one definition: a view that no longer reads a table as expected fails at start-up.
 */
final class ViewText {

    private final String view;
    private String select;

    /** {@code view}'s SELECT in the last migration that creates it. */
    ViewText(String view) {
        this.view = view;
        Pattern create = Pattern.compile("(?s)CREATE VIEW (?:IF NOT EXISTS )?" + Pattern.quote(view)
                + " AS\\s*(SELECT.*?);\\s*(\\n|$)");
        for (ClickHouseMigrator.Migration migration : ClickHouseMigrator.migrations()) {
            String statements = migration.sql().lines().filter(l -> !l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            Matcher m = create.matcher(statements);
            while (m.find()) {
                select = m.group(1);
            }
        }
        if (select == null) {
            throw new IllegalStateException("no migration in clickhouse/ creates the view " + view);
        }
    }

    /**
     * Adds {@code condition} to the one line of the view that ends with {@code from}, such as {@code FROM message_status}
     * or {@code FROM agent_actions WHERE action = 'opened'} (which keeps its own condition).
     */
    ViewText where(String from, String condition) {
        Pattern line = Pattern.compile("(?m)^(.*" + Pattern.quote(from) + ")[ \\t]*$");
        if (line.matcher(select).results().count() != 1) {
            throw new IllegalStateException("the view " + view + " (clickhouse/) must have one line ending with '"
                    + from + "'");
        }
        String added = from.contains(" WHERE ") ? " AND (" + condition + ")" : " WHERE " + condition;
        select = line.matcher(select).replaceFirst("$1" + Matcher.quoteReplacement(added));
        return this;
    }

    String select() {
        return select;
    }
}
