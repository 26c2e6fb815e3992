package com.wapi.analytics.report;

import java.util.Set;

/** One of the operational reports of docs/contract.md, computed from the ClickHouse views of docs/definitions.md. */
public interface OperationalReport {

    String name();

    Report build(ReportPeriod period);

    /** Only the sections named (all when empty); a report that can skip the work of the others does. */
    default Report build(ReportPeriod period, Set<String> sections) {
        Report report = build(period);
        return sections.isEmpty() ? report : new Report(report.name(), period,
                report.sections().stream().filter(s -> sections.contains(s.name())).toList(), report.definitions());
    }
}
