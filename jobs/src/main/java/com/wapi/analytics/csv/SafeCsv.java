package com.wapi.analytics.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV for spreadsheets, safe to open: a text cell that begins with = + - @, a tab or a carriage return
 * is prefixed with an apostrophe so that no spreadsheet evaluates it (CSV injection). Numbers are written as they
 * are, negative ones included, because only text cells pass through {@link #text(String)}.
 */
public final class SafeCsv {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private SafeCsv() {
    }

    public static CSVPrinter printer(Writer out, String... header) {
        try {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord((Object[]) header);
            return printer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell, neutralized when a spreadsheet would read it as a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
