package com.wapi.analytics.web;

import com.wapi.analytics.report.AuditLog;
import com.wapi.analytics.signin.Viewer;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Every agent action of the period with its time and actor, filtered by agent and action, a page at a time. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 100;

    private final Frames frames;
    private final AuditLog audit;

    AuditController(Frames frames, AuditLog audit) {
        this.frames = frames;
        this.audit = audit;
    }

    @GetMapping("/app/workspaces/{workspaceId}/audit")
    String audit(Viewer viewer, @PathVariable String workspaceId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String agent,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "1") int page, Model model) {
        Frame frame = frames.frame(viewer, workspaceId, from, to, "audit");
        AuditLog.Page entries = audit.page(frame.period(), agent, action, page, PAGE_SIZE);
        model.addAttribute("frame", frame);
        model.addAttribute("entries", entries);
        model.addAttribute("agent", agent == null ? "" : agent);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("actions", AuditLog.ACTIONS.stream().sorted().toList());
        model.addAttribute("filterQuery", frame.query() + (agent == null || agent.isEmpty() ? "" : "&agent=" + agent)
                + (action == null || action.isEmpty() ? "" : "&action=" + action));
        return "audit";
    }
}
