package com.wapi.analytics.export;

import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.ReportWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV, streamed: numbers bare (rates with 4 decimals, 0.7600), times ISO-8601 with the organization's
 * offset, text neutralized against formulas by {@link SafeCsv}, nothing for a missing value.
 */
final class CsvTable implements ExportTable {

    private final List<Column> columns;
    private final BufferedWriter out;
    private final CSVPrinter csv;
    private final Object[] record;

    CsvTable(OutputStream stream, List<Column> columns) {
        this.columns = columns;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.csv = SafeCsv.printer(out, columns.stream().map(Column::name).toArray(String[]::new));
        this.record = new Object[columns.size()];
    }

    @Override
    public void row(Object... cells) throws IOException {
        ExportTable.checkWidth(columns, cells);
        for (int i = 0; i < cells.length; i++) {
            record[i] = cell(columns.get(i).kind(), cells[i]);
        }
        csv.printRecord(record);
    }

    private static Object cell(Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> SafeCsv.text(value.toString());
            case RATE, RATE_CHANGE -> ExportTable.rate(((Number) value).doubleValue()).toPlainString();
            case AMOUNT -> ((BigDecimal) value).toPlainString();
            case TIME -> ReportWriter.ISO_TIME.format((OffsetDateTime) value);
            case COUNT, SECONDS -> value;
        };
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }

    @Override
    public void close() {
        // the stream belongs to the caller
    }
}
