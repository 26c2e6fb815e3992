package com.wapi.analytics.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A stand-in for the workspace overview page until the analytics pages replace it: delete this class then. */
@Controller
class PlaceholderOverviewController {

    @GetMapping(SignInPaths.APP + "/workspaces/{workspaceId}/overview")
    String overview(@PathVariable String workspaceId, Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("workspace", viewer.workspaces().stream().filter(w -> w.id().equals(workspaceId))
                .findFirst().orElseThrow());
        return "signin/placeholder-overview";
    }
}
