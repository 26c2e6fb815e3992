package com.wapi.analytics.report;

import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * Each targeted message counts once per dimension it has: its broadcast (broadcast messages), its flow (flow
     * messages) and its template. One pass over message_state serves the three sections.
     */
    private static final String DIMENSIONS = """
            SELECT message_key, accepted, has_delivered, has_read, state, sent_at, failure_code, failure_title,
                   arrayJoin([('broadcasts', if(source_kind = 'broadcast', broadcast_id, '')),
                              ('flows', if(source_kind = 'flow', flow_id, '')),
                              ('templates', template_name)]) AS dimension
              FROM message_state
             WHERE workspace_id = :workspace AND sent_at >= toDateTime(:from, 'UTC') AND sent_at < toDateTime(:to, 'UTC')""";

    private static final String FUNNEL = """
            SELECT dimension.1 AS section, dimension.2 AS id, count() AS targeted, sum(accepted) AS sent,
                   sum(has_delivered) AS delivered, sum(has_read) AS read, countIf(state = 'failed') AS failed,
                   if(targeted = 0, 0, delivered / targeted) AS delivery_rate,
                   if(delivered = 0, 0, read / delivered) AS read_rate,
                   toUInt32(min(sent_at)) AS first_sent
              FROM (%s)
             WHERE id != ''
             GROUP BY section, id
             ORDER BY section, first_sent, id""".formatted(DIMENSIONS);

    private static final String FAILURES = """
            SELECT dimension.1 AS section, dimension.2 AS id, failure_code, any(failure_title) AS title, count() AS failures
              FROM (%s)
             WHERE id != '' AND state = 'failed'
             GROUP BY section, id, failure_code
             ORDER BY section, id, failures DESC, failure_code""".formatted(DIMENSIONS);

    private static final String NAMES = """
            SELECT broadcast_id, any(name), any(template_name)
              FROM broadcasts FINAL
             WHERE workspace_id = :workspace
             GROUP BY broadcast_id""";

    /** The sections, in order, with their key column. */
    private static final Map<String, String[]> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("broadcasts", new String[] {"Per broadcast", "broadcast_id"});
        SECTIONS.put("flows", new String[] {"Per flow", "flow_id"});
        SECTIONS.put("templates", new String[] {"Per template", "template_name"});
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
        Map<String, List<Failure>> topFailures = new HashMap<>();
        facts.sql(FAILURES, period).query(rs -> {
            List<Failure> list = topFailures.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>());
            if (list.size() < TOP_FAILURES) {
                list.add(new Failure(rs.getInt(3), rs.getString(4), rs.getLong(5)));
            }
        });
        Map<String, Section> sections = new LinkedHashMap<>();
        SECTIONS.forEach((name, titleAndKey) -> sections.put(name, section(name, titleAndKey[0], titleAndKey[1])));
        facts.sql(FUNNEL, period).query(rs -> {
            String section = rs.getString(1);
            String id = rs.getString(2);
            List<Object> row = new ArrayList<>();
            row.add(id);
            if (section.equals("broadcasts")) {
                String[] name = names.getOrDefault(id, new String[] {"", ""});
                row.add(name[0]);
                row.add(name[1]);
            }
            List<Failure> failures = topFailures.getOrDefault(section + "/" + id, List.of());
            row.addAll(Arrays.asList(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    rs.getDouble(8), rs.getDouble(9), failures.isEmpty() ? null : failures.get(0).code(),
                    String.join("; ", failures.stream().map(Failure::toString).toList())));
            sections.get(section).add(row.toArray());
        });
        return new Report(NAME, period, List.copyOf(sections.values()), List.of(Definitions.day(period), Definitions.TARGETED,
                Definitions.DELIVERED, Definitions.READ, Definitions.FAILED, Definitions.DELIVERY_RATE, Definitions.ONCE,
                "per template: the messages that name their template (a send refused by the API names none)"));
    }

    private static Section section(String name, String title, String key) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(key));
        if (name.equals("broadcasts")) {
            columns.add(Column.text("name"));
            columns.add(Column.text("template"));
        }
        columns.addAll(List.of(Column.count("targeted"), Column.count("sent"), Column.count("delivered"),
                Column.count("read"), Column.count("failed"), Column.rate("delivery_rate"), Column.rate("read_rate"),
                Column.count("top_failure_code"), Column.text("top_failures")));
        return new Section(name, title, columns, new ArrayList<>());
    }

    private record Failure(int code, String title, long count) {
        @Override
        public String toString() {
            return code + " " + MetaErrorCatalogue.describe(code, title).label() + " (" + count + ")";
        }
    }
}
