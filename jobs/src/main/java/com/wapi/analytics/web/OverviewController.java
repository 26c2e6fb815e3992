package com.wapi.analytics.web;

import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Section;
import com.wapi.analytics.signin.Viewer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The overview: the broadcast funnel's tiles, the rates per day beside the previous period, and what moved. */
@Controller
class OverviewController {

    private final Frames frames;
    private final ReportRuns runs;

    OverviewController(Frames frames, ReportRuns runs) {
        this.frames = frames;
        this.runs = runs;
    }

    @GetMapping("/app/workspaces/{workspaceId}/overview")
    String overview(Viewer viewer, @PathVariable String workspaceId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Frame frame = frames.frame(viewer, workspaceId, from, to, "overview");
        ReportPeriod period = frame.period();
        CompletableFuture<Report> delivery = runs.report(Broadcasts.REPORT, period);
        CompletableFuture<Report> deliveryBefore = runs.report(Broadcasts.REPORT, period.previous());
        CompletableFuture<Report> trends = runs.report("trends", period);
        CompletableFuture<Report> trendsBefore = runs.report("trends", period.previous());
        CompletableFuture<Report> failures = runs.report("failures", period);
        Report now = ReportRuns.get(delivery);
        Section days = ReportRuns.get(trends).section("days");
        Section daysBefore = ReportRuns.get(trendsBefore).section("days");
        List<String> labels = column(days, "day").stream().map(Object::toString).toList();
        model.addAttribute("frame", frame);
        model.addAttribute("tiles", Tile.funnel(Broadcasts.funnel(now, null), Broadcasts.funnel(ReportRuns.get(deliveryBefore), null)));
        model.addAttribute("deliveryChart", Charts.rateLine("Delivery rate per day", labels, rates(days, "delivery_rate"),
                rates(daysBefore, "delivery_rate")));
        model.addAttribute("readChart", Charts.rateLine("Read rate per day", labels, rates(days, "read_rate"),
                rates(daysBefore, "read_rate")));
        model.addAttribute("moves", Moves.of(ReportRuns.get(trends), ReportRuns.get(failures)));
        model.addAttribute("days", Grid.of(ReportRuns.get(trends), "days", "day", "targeted", "delivery_rate", "read_rate",
                "failures", "conversations", "median_first_response"));
        model.addAttribute("broadcasts", Broadcasts.table(now, frame));
        return "web/overview";
    }

    private static List<Object> column(Section section, String name) {
        return section.rows().stream().map(row -> section.value(row, name)).toList();
    }

    private static List<Double> rates(Section section, String name) {
        return column(section, name).stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }
}
