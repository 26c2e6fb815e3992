package com.wapi.analytics.report;

/** How a report is written: an aligned table for terminals, JSON for programs, CSV (one section) for spreadsheets. */
public enum ReportFormat {
    table, json, csv
}
