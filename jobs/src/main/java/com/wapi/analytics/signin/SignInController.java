package com.wapi.analytics.signin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in pages, and where / and /app send a signed-in person. */
@Controller
class SignInController {

    @GetMapping("/")
    String root() {
        return "redirect:" + SignInPaths.APP;
    }

    /** The overview of the viewer's first workspace. */
    @GetMapping(SignInPaths.APP)
    String app(Viewer viewer, Model model) {
        if (viewer.workspaces().isEmpty()) {
            model.addAttribute("viewer", viewer);
            return "signin/no-workspace";
        }
        return "redirect:" + SignInPaths.APP + "/workspaces/" + viewer.workspaces().get(0).id() + "/overview";
    }

    @GetMapping(SignInPaths.SIGN_IN)
    String signIn(@RequestParam(required = false) String expired, @RequestParam(required = false) String signedout,
            Model model) {
        model.addAttribute("expired", expired != null);
        model.addAttribute("signedOut", signedout != null);
        return "signin/signin";
    }

    /** Reached only when the form came without an address. */
    @PostMapping(SignInPaths.REQUEST_LINK)
    String noAddress() {
        return "redirect:" + SignInPaths.SIGN_IN;
    }

    @GetMapping(SignInPaths.LINK_SENT)
    String sent() {
        return "signin/sent";
    }

    /** Forwarded to by {@link LinkRequestLimit}, which has set the 429. */
    @RequestMapping(SignInPaths.TOO_MANY)
    String tooMany() {
        return "signin/too-many";
    }

    /**
     * The emailed link opens this page, whose button signs in: opening the link alone (a mail scanner following it)
     * does not use it up.
     */
    @GetMapping(SignInPaths.LINK)
    String link(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "signin/link";
    }

    @RequestMapping(SignInPaths.FORBIDDEN)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "signin/forbidden";
    }
}
