package com.wapi.analytics.report;

/** One of the operational reports of docs/contract.md, computed from the ClickHouse views of docs/definitions.md. */
public interface OperationalReport {

    String name();

    Report build(ReportPeriod period);
}
