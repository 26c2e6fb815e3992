package com.wapi.analytics.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * The SELECT of a view as its migration file in clickhouse/ defines it, with conditions added to the tables it reads.
 * ClickHouse applies a report's condition on a grouping view after the grouping, so a report on one week groups the
 * whole history; the same SELECT with the condition inside groups only what the week needs. Reading the text from
 * the migration keeps one definition: a view that no longer reads a table as expected fails at start-up.
 */
final class ViewText {

    private final String file;
    private String select;

    /** {@code view}'s SELECT in {@code clickhouse/<file>}, the statement {@code CREATE VIEW IF NOT EXISTS <view> AS}. */
    ViewText(String file, String view) {
        this.file = file;
        String text;
        try {
            text = new ClassPathResource("clickhouse/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String statements = text.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        Matcher m = Pattern.compile("(?s)CREATE VIEW IF NOT EXISTS " + view + " AS\\s*(SELECT.*?);\\s*(\\n|$)")
                .matcher(statements);
        if (!m.find()) {
            throw new IllegalStateException("clickhouse/" + file + " no longer defines the view " + view);
        }
        this.select = m.group(1);
    }

    /**
     * Adds {@code condition} to the one line of the view that ends with {@code from}, such as {@code FROM message_status}
     * or {@code FROM agent_actions WHERE action = 'opened'} (which keeps its own condition).
     */
    ViewText where(String from, String condition) {
        Pattern line = Pattern.compile("(?m)^(.*" + Pattern.quote(from) + ")[ \\t]*$");
        if (line.matcher(select).results().count() != 1) {
            throw new IllegalStateException("the view in clickhouse/" + file + " must have one line ending with '"
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
