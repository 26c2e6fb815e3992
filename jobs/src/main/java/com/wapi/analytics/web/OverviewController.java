package com.wapi.analytics.web;

import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Funnels;
import com.wapi.analytics.report.Funnels.By;
import com.wapi.analytics.report.Funnels.Scope;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.report.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The overview: the broadcast funnel's tiles, the rates per day beside the previous period, and what moved. */
@Controller
class OverviewController {

    private final ReportRuns runs;
    private final Funnels funnels;

    OverviewController(ReportRuns runs, Funnels funnels) {
        this.runs = runs;
        this.funnels = funnels;
    }

    @GetMapping("/app/workspaces/{workspaceId}/overview")
    String overview(@ModelAttribute(binding = false) Frame frame, Model model) {
        ReportPeriod period = frame.period();
        CompletableFuture<Report> delivery = runs.report(Broadcasts.REPORT, period, Broadcasts.SECTION);
        // the previous period's tiles need only its broadcasts' funnels, not the whole delivery report
        CompletableFuture<Funnel> before = runs.async(() -> funnels.funnels(Scope.sentIn(period.previous()), By.BROADCAST)
                .stream().map(Funnels.Row::funnel).reduce(Funnel.NONE, Funnel::plus));
        // one trends report over both periods: its days before the period are the previous period's (a period over
        // half the longest a report covers is drawn without the previous one)
        boolean withPrevious = period.days() * 2 <= Reports.MAX_DAYS;
        CompletableFuture<Report> trends = runs.report("trends", withPrevious ? period.startingEarlier(period.days()) : period);
        CompletableFuture<Report> failures = runs.report("failures", period);
        Report now = FactQueries.get(delivery);
        Report bothPeriods = FactQueries.get(trends);
        Section days = bothPeriods.section("days");
        Predicate<List<Object>> inPeriod = row -> !LocalDate.parse((String) days.value(row, "day")).isBefore(period.from());
        List<List<Object>> current = days.rows().stream().filter(inPeriod).toList();
        List<List<Object>> previous = days.rows().stream().filter(inPeriod.negate()).toList();
        List<String> labels = column(days, current, "day").stream().map(Object::toString).toList();
        model.addAttribute("tiles", Tile.funnel(Broadcasts.funnel(now, null), FactQueries.get(before)));
        model.addAttribute("deliveryChart", Charts.rateLine("Delivery rate per day", labels, rates(days, current, "delivery_rate"),
                rates(days, previous, "delivery_rate")));
        model.addAttribute("readChart", Charts.rateLine("Read rate per day", labels, rates(days, current, "read_rate"),
                rates(days, previous, "read_rate")));
        model.addAttribute("moves", Moves.of(days, current, FactQueries.get(failures)));
        model.addAttribute("days", Grid.of(bothPeriods, "days", Grid.PLAIN, inPeriod, "day", "targeted", "delivery_rate",
                "read_rate", "failures", "conversations", "median_first_response"));
        model.addAttribute("broadcasts", Broadcasts.table(now, frame));
        return "overview";
    }

    private static List<Object> column(Section section, List<List<Object>> rows, String name) {
        return rows.stream().map(row -> section.value(row, name)).toList();
    }

    private static List<Double> rates(Section section, List<List<Object>> rows, String name) {
        return column(section, rows, name).stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }
}
