package com.wapi.analytics.report;

/** One of the operational reports of DESIGN.md 3.3, computed from the ClickHouse views of DESIGN.md 4. */
public interface OperationalReport {

    String name();

    Report build(ReportPeriod period);
}
