package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates organizations, workspaces, phone numbers, members and tokens. Each call validates everything
 * first and writes in one transaction: bad input changes nothing.
 */
@Service
@Transactional
public class Setup {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("\\d{1,30}");

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final PhoneNumberRepository phones;
    private final MemberRepository members;
    private final ApiTokens tokens;

    public Setup(OrganizationRepository organizations, WorkspaceRepository workspaces, PhoneNumberRepository phones,
            MemberRepository members, ApiTokens tokens) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.phones = phones;
        this.members = members;
        this.tokens = tokens;
    }

    public Organization createOrganization(String id, String name, String timeZone, String ownerEmail,
            boolean digestEnabled, Organization.EmptyDayMode emptyDayMode) {
        String orgId = Ids.chosenOrNew(id, "org");
        requireText(name, "--name");
        Organization org = new Organization(orgId, name.strip(), zone(timeZone), email(ownerEmail), digestEnabled,
                emptyDayMode);
        if (organizations.findById(orgId).isPresent()) {
            throw new InvalidInputException("organization " + orgId + " already exists: choose another --id");
        }
        organizations.insert(org);
        members.upsert(orgId, null, org.ownerEmail(), Member.Role.owner);
        return org;
    }

    public Workspace createWorkspace(String id, String organizationId, String name) {
        String wsId = Ids.chosenOrNew(id, "ws");
        requireText(name, "--name");
        organization(organizationId);
        if (workspaces.findById(wsId).isPresent()) {
            throw new InvalidInputException("workspace " + wsId + " already exists: choose another --id");
        }
        if (workspaces.findByOrganization(organizationId).stream().anyMatch(w -> w.name().equals(name.strip()))) {
            throw new InvalidInputException("organization " + organizationId + " already has a workspace named '"
                    + name.strip() + "': choose another --name");
        }
        Workspace workspace = new Workspace(wsId, organizationId, name.strip());
        workspaces.insert(workspace);
        return workspace;
    }

    public PhoneNumber addPhoneNumber(String workspaceId, String phoneNumberId, String wabaId, String displayNumber) {
        workspace(workspaceId);
        if (phoneNumberId == null || !PHONE_NUMBER_ID.matcher(phoneNumberId).matches()) {
            throw new InvalidInputException("--phone-number-id '" + phoneNumberId + "' must be Meta's numeric "
                    + "phone number id (value.metadata.phone_number_id), e.g. 106540352242922");
        }
        if (wabaId != null && !PHONE_NUMBER_ID.matcher(wabaId).matches()) {
            throw new InvalidInputException("--waba-id '" + wabaId + "' must be the numeric WhatsApp Business Account id (entry[].id)");
        }
        phones.findById(phoneNumberId).ifPresent(existing -> {
            throw new InvalidInputException("phone_number_id " + phoneNumberId + " already belongs to workspace "
                    + existing.workspaceId() + ": a number routes to one workspace only");
        });
        PhoneNumber phone = new PhoneNumber(phoneNumberId, workspaceId, wabaId, displayNumber);
        phones.insert(phone);
        return phone;
    }

    public long addMember(String organizationId, String workspaceId, String email, Member.Role role) {
        organization(organizationId);
        if (workspaceId != null && !workspace(workspaceId).organizationId().equals(organizationId)) {
            throw new InvalidInputException("workspace " + workspaceId + " belongs to another organization than "
                    + organizationId + ": pass a workspace of " + organizationId);
        }
        if (role == Member.Role.owner && workspaceId != null) {
            throw new InvalidInputException("an owner belongs to the whole organization: drop --workspace");
        }
        return members.upsert(organizationId, workspaceId, email(email), role);
    }

    public ApiTokens.Issued createToken(String workspaceId, String organizationId, ApiToken.Kind kind) {
        if ((workspaceId == null) == (organizationId == null)) {
            throw new InvalidInputException("give exactly one of --workspace or --org");
        }
        if (workspaceId != null) {
            workspace(workspaceId);
        } else {
            organization(organizationId);
            if (kind == ApiToken.Kind.ingest) {
                throw new InvalidInputException("ingest tokens belong to one workspace: use --workspace");
            }
        }
        return tokens.issue(kind, workspaceId, organizationId);
    }

    private Organization organization(String id) {
        return organizations.findById(id).orElseThrow(() -> new InvalidInputException("unknown organization '" + id
                + "': list them with `scripts/wapi org list` or create it with `scripts/wapi org create`"));
    }

    private Workspace workspace(String id) {
        return workspaces.findById(id).orElseThrow(() -> new InvalidInputException("unknown workspace '" + id
                + "': list them with `scripts/wapi workspace list`"));
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new InvalidInputException("unknown time zone '" + timeZone
                    + "': use an IANA name such as Europe/Berlin, Asia/Kolkata or UTC");
        }
        return ZoneId.of(timeZone);
    }

    private static String email(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("'" + email + "' is not an email address: use name@example.com");
        }
        return email.strip();
    }

    private static void requireText(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(option + " must not be blank");
        }
    }
}
