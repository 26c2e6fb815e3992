package com.wapi.analytics.export;

import java.io.PrintWriter;

/** Rows written so far, reported every 100,000 rows on the terminal of a long export. */
interface ExportProgress {

    ExportProgress NONE = rows -> { };

    void row(long rows);

    static ExportProgress to(PrintWriter err) {
        long start = System.nanoTime();
        return rows -> {
            if (rows % 100_000 == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                err.printf("export: %,d rows, %,.0f rows/s%n", rows, rows / Math.max(seconds, 1e-3));
                err.flush();
            }
        };
    }
}
