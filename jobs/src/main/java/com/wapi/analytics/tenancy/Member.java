package com.wapi.analytics.tenancy;

/** A user's role in an organization, or in one of its workspaces when workspaceId is set. */
public record Member(long id, String organizationId, String workspaceId, String email, Role role) {

    public enum Role { owner, admin, manager, agent }
}
