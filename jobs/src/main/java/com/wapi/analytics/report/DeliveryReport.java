package com.wapi.analytics.report;

import com.wapi.analytics.report.Funnels.By;
import com.wapi.analytics.report.Funnels.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Delivery per broadcast, per flow and per template: targeted, sent, delivered, read, failed, the two rates and
 * the top failure reasons, from message_state for the messages sent in the period.
 */
@Component
class DeliveryReport implements OperationalReport {

    static final String NAME = "delivery";
    private static final int TOP_FAILURES = 3;

    private static final String NAMES = """
            SELECT broadcast_id, any(name), any(template_name)
              FROM broadcasts FINAL
             WHERE workspace_id = :workspace
             GROUP BY broadcast_id""";

    /** A section: the messages of one grouping, each counted once in each grouping it belongs to. */
    private record Grouping(By by, String section, String title, String key) {
    }

    private static final List<Grouping> GROUPINGS = List.of(new Grouping(By.BROADCAST, "broadcasts", "Per broadcast", "broadcast_id"),
            new Grouping(By.FLOW, "flows", "Per flow", "flow_id"), new Grouping(By.TEMPLATE, "templates", "Per template", "template_name"));

    private final FactQueries facts;
    private final Funnels funnels;

    DeliveryReport(FactQueries facts, Funnels funnels) {
        this.facts = facts;
        this.funnels = funnels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report build(ReportPeriod period) {
        return build(period, Set.of());
    }

    /** Only the groupings of the sections named (all when empty): the broadcasts alone read a third of the rows. */
    @Override
    public Report build(ReportPeriod period, Set<String> only) {
        List<Grouping> groupings = GROUPINGS.stream().filter(g -> only.isEmpty() || only.contains(g.section())).toList();
        CompletableFuture<Map<String, String[]>> names = names(period);
        return build(period, groupings, funnels.read(Scope.sentIn(period), groupings.stream().map(Grouping::by).toArray(By[]::new)),
                FactQueries.get(names));
    }

    /** Each broadcast's name and template, read beside the caller. */
    CompletableFuture<Map<String, String[]>> names(ReportPeriod period) {
        return facts.async(() -> {
            Map<String, String[]> names = new HashMap<>();
            facts.sql(NAMES, period).query(rs -> {
                names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            });
            return names;
        });
    }

    /** The broadcasts section alone, from a read of the period's messages made elsewhere (grouped by broadcast, at least). */
    Report broadcasts(ReportPeriod period, Funnels.Read read, Map<String, String[]> names) {
        return build(period, GROUPINGS.subList(0, 1), read, names);
    }

    private Report build(ReportPeriod period, List<Grouping> groupings, Funnels.Read read, Map<String, String[]> names) {
        Map<String, List<FailureCount>> topFailures = new HashMap<>();
        Set<By> shown = groupings.stream().map(Grouping::by).collect(Collectors.toSet());
        for (Funnels.Failures f : read.failures()) {
            List<FailureCount> list = topFailures.computeIfAbsent(f.by() + "/" + f.id(), k -> new ArrayList<>());
            if (list.size() < TOP_FAILURES) {
                list.add(f.failure());
            }
        }
        Map<By, Section> sections = new LinkedHashMap<>();
        groupings.forEach(g -> sections.put(g.by(), section(g)));
        for (Funnels.Row r : read.funnels()) {
            if (!shown.contains(r.by())) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(r.id());
            if (r.by() == By.BROADCAST) {
                String[] name = names.getOrDefault(r.id(), new String[] {"", ""});
                row.add(name[0]);
                row.add(name[1]);
            }
            Funnel f = r.funnel();
            List<FailureCount> failures = topFailures.getOrDefault(r.by() + "/" + r.id(), List.of());
            row.addAll(Arrays.asList(f.targeted(), f.sent(), f.delivered(), f.read(), f.failed(), f.pending(),
                    f.deliveryRate(), f.readRate(), failures.isEmpty() ? null : failures.get(0).code(),
                    String.join("; ", failures.stream().map(DeliveryReport::describe).toList())));
            sections.get(r.by()).add(row.toArray());
        }
        return new Report(NAME, period, List.copyOf(sections.values()), List.of(Definitions.day(period), Definitions.TARGETED,
                Definitions.DELIVERED, Definitions.READ, Definitions.FAILED, Definitions.PENDING, Definitions.DELIVERY_RATE,
                Definitions.ONCE,
                "per template: the messages that name their template (a send refused by the API names none)"));
    }

    private static Section section(Grouping grouping) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(grouping.key()));
        if (grouping.by() == By.BROADCAST) {
            columns.add(Column.text("name"));
            columns.add(Column.text("template"));
        }
        columns.addAll(List.of(Column.count("targeted"), Column.count("sent"), Column.count("delivered"), Column.count("read"),
                Column.count("failed"), Column.count("pending"), Column.rate("delivery_rate"), Column.rate("read_rate"),
                Column.count("top_failure_code"), Column.text("top_failures")));
        return new Section(grouping.section(), grouping.title(), columns, new ArrayList<>());
    }

    private static String describe(FailureCount failure) {
        return failure.code() + " " + failure.label() + " (" + failure.count() + ")";
    }
}
