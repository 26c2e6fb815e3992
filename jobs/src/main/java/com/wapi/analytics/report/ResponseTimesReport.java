package com.wapi.analytics.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * First response, reply and resolution times as distributions (p50, p90, p99 wall-clock and in business hours, a
 * histogram) with the share within the SLA, per agent, per team and overall.
 */
@Component
class ResponseTimesReport implements OperationalReport {

    static final String NAME = "response-times";
    static final List<String> MEASURES = List.of(ServiceTimes.FIRST_RESPONSE, ServiceTimes.REPLY, ServiceTimes.RESOLUTION);

    private final ServiceTimes serviceTimes;

    ResponseTimesReport(ServiceTimes serviceTimes) {
        this.serviceTimes = serviceTimes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report build(ReportPeriod period) {
        ServiceTimes.Times times = serviceTimes.load(period);
        return new Report(NAME, period, List.of(
                section(times, "agents", "Per agent", "agent_id", ServiceTimes.Timed::agentId),
                section(times, "teams", "Per team", "team_id", ServiceTimes.Timed::teamId),
                section(times, "overall", "Overall", "scope", t -> "all")),
                List.of(Definitions.day(period), Definitions.RESPONSE_TIME, Definitions.RESOLUTION_TIME,
                        Definitions.businessHours(times.hours(), period), Definitions.sla(times.hours()), Definitions.PERCENTILES,
                        "a reply counts in the period it was sent, a resolution in the period it was made; "
                                + "replies with no customer message waiting are not timed"));
    }

    private static Section section(ServiceTimes.Times times, String name, String title, String key,
            Function<ServiceTimes.Timed, String> keyOf) {
        List<Column> columns = new ArrayList<>(List.of(Column.text(key), Column.text("measure"), Column.count("count"),
                Column.seconds("p50"), Column.seconds("p90"), Column.seconds("p99"), Column.seconds("business_p50"),
                Column.seconds("business_p90"), Column.seconds("business_p99")));
        for (String bucket : Distribution.BUCKETS) {
            columns.add(Column.count(bucket));
        }
        columns.addAll(List.of(Column.seconds("sla"), Column.count("within_sla"), Column.rate("within_sla_share")));
        Section section = new Section(name, title, columns, new ArrayList<>());
        Map<String, Map<String, Distribution>> byMeasure = new TreeMap<>();
        MEASURES.forEach(m -> times.by(m, keyOf).forEach((k, d) -> byMeasure.computeIfAbsent(k, x -> new TreeMap<>()).put(m, d)));
        byMeasure.forEach((k, measures) -> measures.forEach((measure, d) -> {
            Duration target = times.target(measure);
            List<Object> row = new ArrayList<>(List.of(k, measure, d.count()));
            row.addAll(List.of(d.wall(0.5), d.wall(0.9), d.wall(0.99), d.business(0.5), d.business(0.9), d.business(0.99)));
            for (long n : d.histogram()) {
                row.add(n);
            }
            row.add(target == null ? null : target.toSeconds());
            row.add(d.within(target));
            row.add(d.withinShare(target));
            section.add(row.toArray());
        }));
        return section;
    }
}
