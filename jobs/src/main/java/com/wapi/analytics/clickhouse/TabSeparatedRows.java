package com.wapi.analytics.clickhouse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Rows in ClickHouse's TabSeparated input format, built in memory for {@link ClickHouse#insert}: values are added
 * column by column in the order of the insert's column list, then {@link #endRow()}. Strings are escaped
 * (backslash, tab, line breaks, NUL, backspace, form feed) and UTF-8 encoded; a DateTime is written as its Unix time, which every
 * ClickHouse release parses; booleans are 0 or 1. A null is written as the column type's default.
 */
public final class TabSeparatedRows {

    private byte[] buffer;
    private int size;
    private int rows;
    private boolean rowStarted;

    public TabSeparatedRows() {
        this(64 * 1024);
    }

    public TabSeparatedRows(int initialCapacity) {
        this.buffer = new byte[Math.max(initialCapacity, 16)];
    }

    public TabSeparatedRows string(String value) {
        separator();
        if (value == null || value.isEmpty()) {
            return this;
        }
        // The JDK's encoder is much faster than a loop over chars; escapes are rare, so copy runs between them.
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        ensure(2 * n);
        byte[] b = buffer;
        int p = size;
        int run = 0;
        for (int i = 0; i < n; i++) {
            byte x = utf8[i];
            if (x == '\\' || (x >= 0 && x < 0x20)) {
                byte escaped = switch (x) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case 0 -> '0';
                    case '\b' -> 'b';
                    case '\f' -> 'f';
                    default -> -1;
                };
                if (escaped != -1) {
                    System.arraycopy(utf8, run, b, p, i - run);
                    p += i - run;
                    b[p++] = '\\';
                    b[p++] = escaped;
                    run = i + 1;
                }
            }
        }
        System.arraycopy(utf8, run, b, p, n - run);
        size = p + n - run;
        return this;
    }

    public TabSeparatedRows number(long value) {
        separator();
        ensure(20);
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return this;
        }
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        int start = size;
        do {
            buffer[size++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
        return this;
    }

    public TabSeparatedRows bool(boolean value) {
        separator();
        ensure(1);
        buffer[size++] = (byte) (value ? '1' : '0');
        return this;
    }

    /** A DateTime column: the instant's Unix time in seconds (the epoch for null, ClickHouse's default). */
    public TabSeparatedRows dateTime(Instant value) {
        return number(value == null ? 0 : value.getEpochSecond());
    }

    /** A Decimal column, in plain notation (0 for null). */
    public TabSeparatedRows decimal(BigDecimal value) {
        separator();
        ascii(value == null ? "0" : value.toPlainString());
        return this;
    }

    public void endRow() {
        ensure(1);
        buffer[size++] = '\n';
        rowStarted = false;
        rows++;
    }

    /** Appends rows encoded before (the bytes of {@link #toByteArray()} of another instance). */
    public void appendRows(byte[] encoded, int rowCount) {
        if (rowStarted) {
            throw new IllegalStateException("a row is still open");
        }
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buffer, size, encoded.length);
        size += encoded.length;
        rows += rowCount;
    }

    /** The rows written so far, as TabSeparated bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public int rowCount() {
        return rows;
    }

    public int size() {
        return size;
    }

    byte[] buffer() {
        return buffer;
    }

    public void clear() {
        size = 0;
        rows = 0;
        rowStarted = false;
    }

    private void separator() {
        if (rowStarted) {
            ensure(1);
            buffer[size++] = '\t';
        } else {
            rowStarted = true;
        }
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    @Override
    public String toString() {
        return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }
}
