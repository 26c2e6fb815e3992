package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes an organization's settings with its audit row, in one transaction. A new owner email replaces the owner
 * membership too: the next digest goes to the new owner, none to the old one. The digest's due dates follow a new
 * time zone from the next tick on (see DigestTick).
 */
@Service
@Transactional
public class OrgSettings {

    /** The options of `org set`; null leaves a setting as it is. */
    public record Changes(String name, String timeZone, Boolean digestEnabled, Organization.EmptyDayMode emptyDayMode,
            String ownerEmail) {

        boolean none() {
            return name == null && timeZone == null && digestEnabled == null && emptyDayMode == null && ownerEmail == null;
        }
    }

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final AdminAudit audit;

    public OrgSettings(OrganizationRepository organizations, MemberRepository members, AdminAudit audit) {
        this.organizations = organizations;
        this.members = members;
        this.audit = audit;
    }

    public Organization set(String organizationId, Changes changes, String actor) {
        Organization before = organizations.require(organizationId);
        if (changes.none()) {
            throw new InvalidInputException("nothing to change: give at least one of --name, --timezone, --digest, "
                    + "--empty-day, --owner-email");
        }
        if (changes.name() != null) {
            Setup.requireText(changes.name(), "--name");
        }
        Organization after = new Organization(before.id(),
                changes.name() == null ? before.name() : changes.name().strip(),
                changes.timeZone() == null ? before.timeZone() : Setup.zone(changes.timeZone()),
                changes.ownerEmail() == null ? before.ownerEmail() : Setup.email(changes.ownerEmail()),
                changes.digestEnabled() == null ? before.digestEnabled() : changes.digestEnabled(),
                changes.emptyDayMode() == null ? before.emptyDayMode() : changes.emptyDayMode(), before.createdAt());
        organizations.update(after);
        if (!after.ownerEmail().equalsIgnoreCase(before.ownerEmail())) {
            members.replaceOwner(organizationId, before.ownerEmail(), after.ownerEmail());
        }
        audit.record(new AdminAudit.Change(actor, organizationId, null, "org.set", organizationId, before.settings(),
                after.settings()));
        return after;
    }
}
