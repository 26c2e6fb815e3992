package com.wapi.analytics.web;

import com.wapi.analytics.signin.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /app opens the overview of the viewer's first workspace. */
@Controller
class AppController {

    @GetMapping({"/app", "/app/"})
    String app(Viewer viewer) {
        if (viewer.workspaces().isEmpty()) {
            return "web/no-workspace";
        }
        return "redirect:/app/workspaces/" + viewer.workspaces().get(0).id() + "/overview";
    }
}
