package com.wapi.analytics.web;

import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.BroadcastRecipients;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Section;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The broadcasts of a period with their progress, and one broadcast's funnel, failures and recipients. */
@Controller
class BroadcastsController {

    static final int PAGE_SIZE = 50;

    private final ReportRuns runs;
    private final BroadcastRecipients recipients;

    BroadcastsController(ReportRuns runs, BroadcastRecipients recipients) {
        this.runs = runs;
        this.recipients = recipients;
    }

    @GetMapping("/app/workspaces/{workspaceId}/broadcasts")
    String broadcasts(@ModelAttribute(binding = false) Frame frame, Model model) {
        model.addAttribute("broadcasts", Broadcasts.table(FactQueries.get(runs.report(Broadcasts.REPORT, frame.period(), Broadcasts.SECTION)), frame));
        return "broadcasts";
    }

    @GetMapping("/app/workspaces/{workspaceId}/broadcasts/{broadcastId}")
    String broadcast(@ModelAttribute(binding = false) Frame frame, @PathVariable String broadcastId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer code,
            @RequestParam(defaultValue = "1") int page, Model model) {
        ReportPeriod period = frame.period();
        BroadcastRecipients.Filter filter = new BroadcastRecipients.Filter(status, code);
        CompletableFuture<Report> delivery = runs.report(Broadcasts.REPORT, period, Broadcasts.SECTION);
        CompletableFuture<List<BroadcastRecipients.Failure>> failures = runs.async(() -> recipients.failures(period, broadcastId));
        List<BroadcastRecipients.Recipient> rows = recipients.page(period, broadcastId, filter, page, PAGE_SIZE);
        Report report = FactQueries.get(delivery);
        Section section = report.section(Broadcasts.SECTION);
        List<Object> row = section.rows().stream().filter(r -> broadcastId.equals(section.value(r, "broadcast_id")))
                .findFirst().orElse(null);
        model.addAttribute("broadcastId", broadcastId);
        model.addAttribute("name", row == null ? "" : section.value(row, "name"));
        model.addAttribute("tiles", Tile.funnel(Broadcasts.funnel(report, broadcastId), null));
        // its failures have a card of their own below, so the row leaves out the delivery report's top failures
        model.addAttribute("funnel", Grid.of(report, Broadcasts.SECTION, Grid.PLAIN, r -> r == row, "broadcast_id", "name",
                "template", "targeted", "sent", "delivered", "read", "failed", "pending", "delivery_rate", "read_rate"));
        model.addAttribute("failures", FactQueries.get(failures));
        model.addAttribute("recipients", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", page);
        model.addAttribute("hasMore", rows.size() > PAGE_SIZE);
        model.addAttribute("status", filter.state());
        model.addAttribute("code", code);
        model.addAttribute("states", BroadcastRecipients.STATES.stream().sorted().toList());
        model.addAttribute("filterQuery", frame.query() + (filter.state().isEmpty() ? "" : "&status=" + filter.state())
                + (code == null ? "" : "&code=" + code));
        return "broadcast";
    }
}
