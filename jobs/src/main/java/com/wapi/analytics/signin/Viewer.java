package com.wapi.analytics.signin;

import java.time.ZoneId;
import java.util.List;

/**
 * The signed-in person as the pages see them: their organization, their strongest role in it and the workspaces
 * they may see (every workspace of the organization for owners and admins, their own for managers, none for
 * agents). Loaded from Postgres on every request, so a changed role or a removed user takes effect at once.
 * Organization and workspace ids are text, as in tenancy.
 */
public record Viewer(long userId, String email, String organizationId, String organizationName, ZoneId zone,
        String role, List<WorkspaceRef> workspaces) {

    public record WorkspaceRef(String id, String name) {
    }

    public Viewer {
        workspaces = List.copyOf(workspaces);
    }

    public boolean canSee(String workspaceId) {
        return workspaces.stream().anyMatch(w -> w.id().equals(workspaceId));
    }
}
