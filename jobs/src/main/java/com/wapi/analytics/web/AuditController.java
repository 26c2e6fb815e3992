package com.wapi.analytics.web;

import com.wapi.analytics.report.AuditLog;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Every agent action of the period with its time and actor, filtered by agent and action, a page at a time. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 100;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/app/workspaces/{workspaceId}/audit")
    String audit(@ModelAttribute(binding = false) Frame frame, @RequestParam(required = false) String agent,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "1") int page, Model model) {
        AuditLog.Page entries = audit.page(frame.period(), agent, action, page, PAGE_SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute("agent", agent == null ? "" : agent);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("actions", AuditLog.ACTIONS.stream().sorted().toList());
        model.addAttribute("filterQuery", frame.query() + (agent == null || agent.isEmpty() ? "" : "&agent=" + agent)
                + (action == null || action.isEmpty() ? "" : "&action=" + action));
        return "audit";
    }
}
