package com.wapi.analytics.report;

import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Delivery per broadcast, per flow and per template: targeted, sent, delivered, read, failed, the two rates and
 * the top failure reasons, from message_state for the messages sent in the period.
 */
@Component
class DeliveryReport implements OperationalReport {

    static final String NAME = "delivery";
    private static final int TOP_FAILURES = 3;

    private static final String FUNNEL = """
            SELECT %1$s AS dimension, count() AS targeted, sum(accepted) AS sent, sum(has_delivered) AS delivered,
                   sum(has_read) AS read, countIf(state = 'failed') AS failed,
                   if(targeted = 0, 0, delivered / targeted) AS delivery_rate,
                   if(delivered = 0, 0, read / delivered) AS read_rate,
                   toUInt32(min(sent_at)) AS first_sent
              FROM message_state
             WHERE workspace_id = :workspace AND sent_at >= toDateTime(:from, 'UTC') AND sent_at < toDateTime(:to, 'UTC')
               AND %2$s
             GROUP BY dimension
             ORDER BY first_sent, dimension""";

    private static final String FAILURES = """
            SELECT %1$s AS dimension, failure_code, any(failure_title) AS title, count() AS failures
              FROM message_state
             WHERE workspace_id = :workspace AND sent_at >= toDateTime(:from, 'UTC') AND sent_at < toDateTime(:to, 'UTC')
               AND %2$s AND state = 'failed'
             GROUP BY dimension, failure_code
             ORDER BY dimension, failures DESC, failure_code""";

    private static final String NAMES = """
            SELECT broadcast_id, any(name), any(template_name)
              FROM broadcasts FINAL
             WHERE workspace_id = :workspace
             GROUP BY broadcast_id""";

    /** The dimensions: the grouping expression and the messages it applies to (whitelisted SQL, no user input). */
    enum Dimension {
        BROADCAST("broadcasts", "Per broadcast", "broadcast_id", FactQueries.BROADCAST_MESSAGES),
        FLOW("flows", "Per flow", "flow_id", "source_kind = 'flow' AND flow_id != ''"),
        TEMPLATE("templates", "Per template", "template_name", "template_name != ''");

        final String section;
        final String title;
        final String expression;
        final String filter;

        Dimension(String section, String title, String expression, String filter) {
            this.section = section;
            this.title = title;
            this.expression = expression;
            this.filter = filter;
        }
    }

    private final FactQueries facts;

    DeliveryReport(FactQueries facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report build(ReportPeriod period) {
        Map<String, String[]> names = new HashMap<>();
        facts.sql(NAMES, period).query(rs -> {
            names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        List<Section> sections = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            sections.add(section(period, dimension, names));
        }
        return new Report(NAME, period, sections, List.of(Definitions.day(period), Definitions.TARGETED,
                Definitions.DELIVERED, Definitions.READ, Definitions.FAILED, Definitions.DELIVERY_RATE, Definitions.ONCE,
                "per template: the messages that name their template (a send refused by the API names none)"));
    }

    private Section section(ReportPeriod period, Dimension dimension, Map<String, String[]> names) {
        Map<String, List<String>> topFailures = topFailures(period, dimension);
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(dimension.expression));
        if (dimension == Dimension.BROADCAST) {
            columns.add(Column.text("name"));
            columns.add(Column.text("template"));
        }
        columns.addAll(List.of(Column.count("targeted"), Column.count("sent"), Column.count("delivered"),
                Column.count("read"), Column.count("failed"), Column.rate("delivery_rate"), Column.rate("read_rate"),
                Column.text("top_failures")));
        Section section = new Section(dimension.section, dimension.title, columns, new ArrayList<>());
        facts.sql(FUNNEL.formatted(dimension.expression, dimension.filter), period).query(rs -> {
            String id = rs.getString(1);
            List<Object> row = new ArrayList<>();
            row.add(id);
            if (dimension == Dimension.BROADCAST) {
                String[] name = names.getOrDefault(id, new String[] {"", ""});
                row.add(name[0]);
                row.add(name[1]);
            }
            row.addAll(List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getDouble(7), rs.getDouble(8), String.join("; ", topFailures.getOrDefault(id, List.of()))));
            section.add(row.toArray());
        });
        return section;
    }

    private Map<String, List<String>> topFailures(ReportPeriod period, Dimension dimension) {
        Map<String, List<String>> top = new HashMap<>();
        facts.sql(FAILURES.formatted(dimension.expression, dimension.filter), period).query(rs -> {
            List<String> list = top.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
            if (list.size() < TOP_FAILURES) {
                int code = rs.getInt(2);
                list.add(code + " " + MetaErrorCatalogue.describe(code, rs.getString(3)).label() + " (" + rs.getLong(4) + ")");
            }
        });
        return top;
    }
}
