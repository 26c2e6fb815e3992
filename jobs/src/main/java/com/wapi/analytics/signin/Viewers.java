package com.wapi.analytics.signin;

import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who an address is, from its memberships. An address with memberships in several organizations signs in to the
 * one where its role is strongest (ties: the smallest organization id).
 */
@Component
public class Viewers {

    private final MemberRepository members;
    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;

    Viewers(MemberRepository members, OrganizationRepository organizations, WorkspaceRepository workspaces) {
        this.members = members;
        this.organizations = organizations;
        this.workspaces = workspaces;
    }

    public Optional<Viewer> find(String email) {
        List<Member> memberships = members.findByEmail(email);
        return memberships.stream().min(Comparator.comparing(Member::role).thenComparing(Member::organizationId))
                .flatMap(best -> organizations.findById(best.organizationId()).map(org -> new Viewer(best.id(),
                        best.email(), org.id(), org.name(), org.timeZone(), best.role().name(),
                        visibleWorkspaces(org, best.role(), memberships))));
    }

    /** Owners and admins: every workspace; managers: those they manage (all for an organization-wide manager). */
    private List<Viewer.WorkspaceRef> visibleWorkspaces(Organization org, Member.Role role, List<Member> memberships) {
        List<Member> managing = memberships.stream()
                .filter(m -> m.organizationId().equals(org.id()) && m.role() == Member.Role.manager).toList();
        boolean all = role == Member.Role.owner || role == Member.Role.admin
                || managing.stream().anyMatch(m -> m.workspaceId() == null);
        return workspaces.findByOrganization(org.id()).stream()
                .filter(w -> role != Member.Role.agent)
                .filter(w -> all || managing.stream().anyMatch(m -> w.id().equals(m.workspaceId())))
                .map(w -> new Viewer.WorkspaceRef(w.id(), w.name())).toList();
    }
}
