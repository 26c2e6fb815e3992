package com.wapi.analytics.web;

import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.Section;
import java.util.List;

/** The delivery report's broadcasts as the pages show them: funnels, and the table with its progress bars and links. */
final class Broadcasts {

    static final String REPORT = "delivery";
    static final String SECTION = "broadcasts";

    private Broadcasts() {
    }

    /** The funnel of one broadcast, or of all of them when broadcastId is null. */
    static Funnel funnel(Report delivery, String broadcastId) {
        Section section = delivery.section(SECTION);
        Funnel total = Funnel.NONE;
        for (List<Object> row : section.rows()) {
            if (broadcastId == null || broadcastId.equals(section.value(row, "broadcast_id"))) {
                total = total.plus(new Funnel(count(section, row, "targeted"), count(section, row, "sent"),
                        count(section, row, "delivered"), count(section, row, "read"), count(section, row, "failed"),
                        count(section, row, "pending")));
            }
        }
        return total;
    }

    /** The table: each broadcast linked to its page, delivery as a bar ("19 of 25 · 76.0%"). */
    static Grid table(Report delivery, Frame frame) {
        return Grid.of(delivery, SECTION, (column, section, row, cell) -> switch (column) {
            case "broadcast_id", "name" -> cell.linked(frame.base() + "/broadcasts/" + section.value(row, "broadcast_id")
                    + "?" + frame.query());
            case "delivery_rate" -> cell.drawn(Charts.progress(count(section, row, "delivered"), count(section, row, "failed"),
                    count(section, row, "targeted")), count(section, row, "delivered") + " of " + count(section, row, "targeted")
                    + " · " + cell.text());
            default -> cell;
        }, "broadcast_id", "name", "template", "targeted", "delivered", "failed", "pending", "delivery_rate", "read_rate", "top_failures");
    }

    private static long count(Section section, List<Object> row, String column) {
        return ((Number) section.value(row, column)).longValue();
    }
}
