package com.wapi.analytics.tenancy;

/** A stored token: its scope (one workspace or one organization) and kind. The secret itself is never kept. */
public record ApiToken(long id, String prefix, Kind kind, String workspaceId, String organizationId) {

    public enum Kind { ingest, read }

    public boolean coversWorkspace(String workspace, String workspaceOrganization) {
        return workspace.equals(workspaceId) || (organizationId != null && organizationId.equals(workspaceOrganization));
    }
}
