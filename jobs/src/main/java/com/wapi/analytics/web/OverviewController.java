package com.wapi.analytics.web;

import com.wapi.analytics.report.OverviewFigures;
import com.wapi.analytics.report.OverviewFigures.Overview;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Section;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The overview: the broadcast funnel's tiles, the rates per day beside the previous period, and what moved. */
@Controller
class OverviewController {

    private final OverviewFigures overviews;

    OverviewController(OverviewFigures overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/app/workspaces/{workspaceId}/overview")
    String overview(@ModelAttribute(binding = false) Frame frame, Model model) {
        ReportPeriod period = frame.period();
        Overview figures = overviews.of(period);
        Section days = figures.trends().section("days");
        List<String> labels = column(days, "day").stream().map(Object::toString).toList();
        model.addAttribute("tiles", Tile.funnel(Broadcasts.funnel(figures.delivery(), null), figures.previousBroadcasts()));
        model.addAttribute("deliveryChart", Charts.rateLine("Delivery rate per day", labels, rates(days, "delivery_rate"),
                figures.previousDeliveryRates()));
        model.addAttribute("readChart", Charts.rateLine("Read rate per day", labels, rates(days, "read_rate"),
                figures.previousReadRates()));
        model.addAttribute("moves", Moves.of(days, figures.failures()));
        model.addAttribute("days", Grid.of(figures.trends(), "days", "day", "targeted", "delivery_rate",
                "read_rate", "failures", "conversations", "median_first_response"));
        model.addAttribute("broadcasts", Broadcasts.table(figures.delivery(), frame));
        return "overview";
    }

    private static List<Object> column(Section section, String name) {
        return section.rows().stream().map(row -> section.value(row, name)).toList();
    }

    private static List<Double> rates(Section section, String name) {
        return column(section, name).stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }
}
