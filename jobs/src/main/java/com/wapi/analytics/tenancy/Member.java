package com.wapi.analytics.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;

/** A user's role in an organization, or in one of its workspaces when workspaceId is set. */
public record Member(long id, String organizationId, String workspaceId, String email, Role role) {

    public enum Role { owner, admin, manager, agent }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", email);
        state.put("role", role.name());
        state.put("workspace", workspaceId);
        return state;
    }
}
