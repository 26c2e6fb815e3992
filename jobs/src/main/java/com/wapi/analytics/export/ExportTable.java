package com.wapi.analytics.export;

import com.wapi.analytics.report.Column;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rows of one export, typed by the kinds of its columns: String for text, Long or Integer for counts and
 * seconds, Double for rates, BigDecimal for amounts, OffsetDateTime (in the organization's offset) for times, null
 * for none. {@link #finish()} completes the file; {@link #close()} only releases what the table holds, so a failed
 * export never looks complete.
 */
interface ExportTable extends AutoCloseable {

    /** One row, a cell per column in the columns' order; any other number of cells throws. */
    void row(Object... cells) throws IOException;

    void finish() throws IOException;

    @Override
    void close();

    /** A row with a cell too many or too few would shift the file's columns: refuse it. */
    static void checkWidth(List<Column> columns, Object[] cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
    }

    /** A rate as every export gives it: a fraction rounded to 4 decimals. */
    static BigDecimal rate(double fraction) {
        return BigDecimal.valueOf(fraction).setScale(4, RoundingMode.HALF_UP);
    }
}
