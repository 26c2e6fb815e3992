package com.wapi.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TabSeparatedRowsTests {

    @Test
    void escapesWhatTheFormatNeedsAndEncodesUtf8() {
        TabSeparatedRows rows = new TabSeparatedRows(16);
        rows.string("a\tb\\c\nd\re\0f\u0001").string("Łódź ✓ 😀").string(null).string("\\\\").endRow();
        assertThat(rows.toString()).isEqualTo("a\\tb\\\\c\\nd\\re\\0f\u0001\tŁódź ✓ 😀\t\t\\\\\\\\\n");
        assertThat(Arrays.copyOf(rows.buffer(), rows.size())).isEqualTo(
                "a\\tb\\\\c\\nd\\re\\0f\u0001\tŁódź ✓ 😀\t\t\\\\\\\\\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesNumbersTimesAndDecimals() {
        TabSeparatedRows rows = new TabSeparatedRows(4);
        rows.number(0).number(-42).number(Long.MAX_VALUE).number(Long.MIN_VALUE).bool(true).bool(false)
                .dateTime(Instant.parse("2026-11-01T08:00:00Z")).dateTime(null)
                .decimal(new BigDecimal("1E+3")).decimal(new BigDecimal("12.5000")).decimal(null).endRow();
        rows.number(7).endRow();
        assertThat(rows.toString()).isEqualTo("0\t-42\t9223372036854775807\t-9223372036854775808\t1\t0\t1793520000\t0"
                + "\t1000\t12.5000\t0\n7\n");
        assertThat(rows.rowCount()).isEqualTo(2);
        rows.clear();
        assertThat(rows.size()).isZero();
    }

    @Test
    void rowsEncodedApartAppendAsTheyAre() {
        TabSeparatedRows one = new TabSeparatedRows(4);
        one.string("a").number(1).endRow();
        TabSeparatedRows all = new TabSeparatedRows(4);
        all.appendRows(one.toByteArray(), 1);
        all.appendRows(one.toByteArray(), 1);
        all.string("b").number(2).endRow();
        assertThat(all.toString()).isEqualTo("a\t1\na\t1\nb\t2\n");
        assertThat(all.rowCount()).isEqualTo(3);
    }
}
