package com.wapi.analytics.api;

import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.ApiTokens;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read a workspace: a read token of that workspace, or of its organization. No token or an unknown one is
 * 401; an ingest token, or a token of another workspace or organization, is 403 (an unknown workspace looks the
 * same as another's, so ids cannot be probed).
 */
@Component
class ReadAccess {

    private final ApiTokens tokens;
    private final WorkspaceRepository workspaces;

    ReadAccess(ApiTokens tokens, WorkspaceRepository workspaces) {
        this.tokens = tokens;
        this.workspaces = workspaces;
    }

    Workspace check(String authorization, String workspaceId) {
        ApiToken token = tokens.authenticateHeader(authorization).orElseThrow(() -> new ApiError(HttpStatus.UNAUTHORIZED,
                "unauthorized", "send Authorization: Bearer <read token> (scripts/wapi token create --workspace WS --kind read)"));
        if (token.kind() != ApiToken.Kind.read) {
            throw new ApiError(HttpStatus.FORBIDDEN, "forbidden", "an ingest token cannot read reports: use a read token");
        }
        Optional<Workspace> workspace = workspaces.findById(workspaceId);
        if (workspace.isEmpty() || !token.coversWorkspace(workspaceId, workspace.get().organizationId())) {
            throw new ApiError(HttpStatus.FORBIDDEN, "forbidden", "this token does not cover workspace " + workspaceId);
        }
        return workspace.get();
    }
}
