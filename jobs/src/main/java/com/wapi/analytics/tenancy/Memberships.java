package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes and removes users' roles, with their audit rows. The organization's owner is only ever replaced. */
@Service
@Transactional
public class Memberships {

    private final MemberRepository members;
    private final OrganizationRepository organizations;
    private final AdminAudit audit;

    public Memberships(MemberRepository members, OrganizationRepository organizations, AdminAudit audit) {
        this.members = members;
        this.organizations = organizations;
        this.audit = audit;
    }

    public Member setRole(long id, Member.Role role, String actor) {
        Member before = changeable(id);
        if (role == Member.Role.owner) {
            throw new InvalidInputException("an organization's owner is replaced, not added: use `scripts/wapi org set "
                    + before.organizationId() + " --owner-email " + before.email() + "`");
        }
        members.setRole(id, role);
        Member after = members.findById(id).orElseThrow();
        audit.record(new AdminAudit.Change(actor, before.organizationId(), before.workspaceId(), "user.set-role",
                Long.toString(id), before.state(), after.state()));
        return after;
    }

    public void remove(long id, String actor) {
        Member before = changeable(id);
        members.delete(id);
        audit.record(new AdminAudit.Change(actor, before.organizationId(), before.workspaceId(), "user.remove",
                Long.toString(id), before.state(), null));
    }

    /** The membership, unless it is the organization's owner's (who receives the digest). */
    private Member changeable(long id) {
        Member member = members.findById(id).orElseThrow(() -> new InvalidInputException("unknown user id " + id
                + ": list them with `scripts/wapi user list --org ORG`"));
        Organization org = organizations.require(member.organizationId());
        if (member.role() == Member.Role.owner && member.email().equalsIgnoreCase(org.ownerEmail())) {
            throw new InvalidInputException(member.email() + " owns organization " + org.id() + " and cannot be "
                    + "removed or demoted, only replaced: `scripts/wapi org set " + org.id() + " --owner-email NEW`");
        }
        return member;
    }
}
