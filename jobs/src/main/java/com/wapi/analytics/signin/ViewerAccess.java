package com.wapi.analytics.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may open a page under /app, decided before any controller runs: a signed-in user who is not an agent, and
 * under /app/workspaces/{workspaceId}/ only if the workspace is one of theirs. Signed out: the sign-in page;
 * otherwise refused: the 403 page. The viewer is kept on the request for the controllers' {@link Viewer} parameter.
 */
@Component
class ViewerAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String VIEWER = Viewer.class.getName();
    private static final Pattern WORKSPACE_PATH = Pattern.compile("^" + SignInPaths.APP + "/workspaces/([^/]+)(/.*)?$");

    private final Viewers viewers;

    ViewerAccess(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication who = authentication.get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        HttpServletRequest request = context.getRequest();
        Optional<Viewer> viewer = viewers.find(who.getName());
        viewer.ifPresent(v -> request.setAttribute(VIEWER, v));
        return new AuthorizationDecision(viewer.filter(v -> !v.role().equals("agent"))
                .filter(v -> workspaceOf(request).map(v::canSee).orElse(true)).isPresent());
    }

    private static Optional<String> workspaceOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Matcher workspace = WORKSPACE_PATH.matcher(path);
        return workspace.matches() ? Optional.of(workspace.group(1)) : Optional.empty();
    }
}
