package com.wapi.analytics.web;

import com.wapi.analytics.signin.Viewer;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/** Until sign-in resolves the viewer: the owner of the organization of the workspace in the path. */
@Component
class StandInViewers implements HandlerMethodArgumentResolver {

    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;

    StandInViewers(WorkspaceRepository workspaces, OrganizationRepository organizations) {
        this.workspaces = workspaces;
        this.organizations = organizations;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Viewer.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        String workspaceId = path == null ? null : path.get("workspaceId");
        Organization organization = workspaceId == null ? organizations.findAll().get(0)
                : organizations.findById(workspaces.findById(workspaceId).orElseThrow().organizationId()).orElseThrow();
        return new Viewer(0, organization.ownerEmail(), organization.id(), organization.name(), organization.timeZone(), "owner",
                workspaces.findByOrganization(organization.id()).stream()
                        .map((Workspace w) -> new Viewer.WorkspaceRef(w.id(), w.name())).toList());
    }
}
