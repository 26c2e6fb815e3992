package com.wapi.analytics.web;

import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Agents and teams: their work, who is buried now, and the response times as a histogram and percentiles. */
@Controller
class AgentsController {

    /** The response-times report's histogram columns (docs/contract.md). */
    static final String[] BUCKETS = {"lt_1m", "1m_5m", "5m_15m", "15m_60m", "1h_4h", "4h_24h", "gt_24h"};
    static final String[] WORK = {"assignments", "takeovers", "replies", "resolutions", "resolution_rate", "open_now",
            "waiting_now", "oldest_waiting_for", "buried"};
    static final String[] TIMES = {"measure", "count", "p50", "p90", "p99", "business_p50", "within_sla_share"};

    private final ReportRuns runs;

    AgentsController(ReportRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/app/workspaces/{workspaceId}/agents")
    String agents(@ModelAttribute(binding = false) Frame frame, Model model) {
        CompletableFuture<Report> agents = runs.report("agents", frame.period());
        Report times = FactQueries.get(runs.report("response-times", frame.period()));
        Report work = FactQueries.get(agents);
        model.addAttribute("agents", Grid.of(work, "agents", with("agent_id", "team_id", WORK)));
        model.addAttribute("teams", Grid.of(work, "teams", with("team_id", null, WORK)));
        model.addAttribute("histogram", Charts.bars("First responses by time taken", List.of("<1m", "1-5m", "5-15m",
                "15-60m", "1-4h", "4-24h", ">24h"), histogram(times.section("overall"), "first_response")));
        model.addAttribute("agentTimes", Grid.of(times, "agents", with("agent_id", null, TIMES)));
        model.addAttribute("teamTimes", Grid.of(times, "teams", with("team_id", null, TIMES)));
        return "agents";
    }

    private static long[] histogram(Section overall, String measure) {
        long[] counts = new long[BUCKETS.length];
        overall.rows().stream().filter(row -> measure.equals(overall.value(row, "measure"))).forEach(row -> {
            for (int i = 0; i < BUCKETS.length; i++) {
                counts[i] = ((Number) overall.value(row, BUCKETS[i])).longValue();
            }
        });
        return counts;
    }

    private static String[] with(String key, String second, String[] rest) {
        List<String> columns = new ArrayList<>(List.of(key));
        if (second != null) {
            columns.add(second);
        }
        columns.addAll(List.of(rest));
        return columns.toArray(String[]::new);
    }
}
