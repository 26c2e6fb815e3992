package com.wapi.analytics.export;

import com.wapi.analytics.report.Column;
import java.io.OutputStream;
import java.util.List;

/** The file formats of every export: the same columns and values, as CSV text or as a workbook of typed cells. */
public enum ExportFormat {
    csv("text/csv;charset=UTF-8"),
    xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    ExportTable open(OutputStream out, String sheet, List<Column> columns) {
        return this == csv ? new CsvTable(out, columns) : new XlsxTable(out, sheet, columns);
    }
}
