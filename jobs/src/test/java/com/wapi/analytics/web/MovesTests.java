package com.wapi.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.OverviewFigures.CodeFailures;
import com.wapi.analytics.report.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overview's "what moved" in words: day-before flags by weekday, and the error codes that at least doubled. */
class MovesTests {

    @Test
    void dayBeforeFlagsByWeekdayAndCodesThatDoubled() {
        Section days = new Section("days", "Per day", Column.text("day"), Column.text("flags"))
                .add("2026-11-23", "")
                .add("2026-11-24", "delivery rate -9.0 pts vs the day before; failures +12 vs a week before")
                .add("2026-11-25", "failures +12 vs the day before; median first response +5m vs the day before");
        List<CodeFailures> codes = List.of(new CodeFailures(131049, 6, 3), new CodeFailures(131026, 10, 3),
                new CodeFailures(130472, 5, 3), new CodeFailures(131047, 4, 0));

        assertThat(Moves.of(days, codes)).containsExactly("delivery rate fell 9.0 points on Tuesday",
                "failures rose by 12 on Wednesday", "median first response rose by 5m on Wednesday",
                "131049 doubled (3 to 6)", "131026 more than doubled (3 to 10)");
    }
}
