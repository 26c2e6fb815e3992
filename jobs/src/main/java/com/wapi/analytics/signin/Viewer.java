package com.wapi.analytics.signin;

import java.time.ZoneId;
import java.util.List;

/** The signed-in person looking at the pages: their organization, its time zone, their role and the workspaces they see. */
public record Viewer(long userId, String email, String organizationId, String organizationName, ZoneId zone, String role,
        List<WorkspaceRef> workspaces) {

    public record WorkspaceRef(String id, String name) {
    }

    public boolean canSee(String workspaceId) {
        return workspaces.stream().anyMatch(w -> w.id().equals(workspaceId));
    }
}
