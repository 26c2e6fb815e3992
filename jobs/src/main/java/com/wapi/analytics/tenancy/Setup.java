package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates organizations, workspaces, phone numbers, members and tokens, and revokes tokens. Each call validates
 * everything first and writes in one transaction, with its audit row: bad input changes nothing.
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
    private final ApiTokenRepository tokenRows;
    private final AdminAudit audit;

    public Setup(OrganizationRepository organizations, WorkspaceRepository workspaces, PhoneNumberRepository phones,
            MemberRepository members, ApiTokens tokens, ApiTokenRepository tokenRows, AdminAudit audit) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.phones = phones;
        this.members = members;
        this.tokens = tokens;
        this.tokenRows = tokenRows;
        this.audit = audit;
    }

    public Organization createOrganization(String id, String name, String timeZone, String ownerEmail,
            boolean digestEnabled, Organization.EmptyDayMode emptyDayMode) {
        String orgId = Ids.chosenOrNew(id, "org");
        requireText(name, "--name");
        Organization org = new Organization(orgId, name.strip(), zone(timeZone), email(ownerEmail), digestEnabled,
                emptyDayMode, Instant.now());
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
        organizations.require(organizationId);
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
        return addPhoneNumber(workspaceId, phoneNumberId, wabaId, displayNumber, Actor.osUser());
    }

    public PhoneNumber addPhoneNumber(String workspaceId, String phoneNumberId, String wabaId, String displayNumber,
            String actor) {
        Workspace workspace = workspaces.require(workspaceId);
        if (phoneNumberId == null || !PHONE_NUMBER_ID.matcher(phoneNumberId).matches()) {
            throw new InvalidInputException("--phone-number-id '" + phoneNumberId + "' must be Meta's numeric "
                    + "phone number id (value.metadata.phone_number_id), e.g. 106540352242922");
        }
        if (wabaId != null && !PHONE_NUMBER_ID.matcher(wabaId).matches()) {
            throw new InvalidInputException("--waba-id '" + wabaId + "' must be the numeric WhatsApp Business Account id (entry[].id)");
        }
        phones.findById(phoneNumberId).ifPresent(existing -> {
            throw new InvalidInputException("phone_number_id " + phoneNumberId + " already belongs to workspace "
                    + existing.workspaceId() + ": a number routes to one workspace only (to change it: "
                    + "scripts/wapi phone move --phone-number-id " + phoneNumberId + " --to-workspace " + workspaceId + ")");
        });
        requireAccountOfOneOrganization(wabaId, workspace.organizationId(), phoneNumberId);
        PhoneNumber phone = new PhoneNumber(phoneNumberId, workspaceId, wabaId, displayNumber);
        phones.insert(phone);
        audit.record(new AdminAudit.Change(actor, workspace.organizationId(), workspaceId, "phone.add", phoneNumberId,
                null, phone.state()));
        return phone;
    }

    /**
     * A WhatsApp Business Account belongs to one organization: its template and account updates go to every
     * workspace with a number on it, and must never reach another organization's.
     */
    void requireAccountOfOneOrganization(String wabaId, String organizationId, String phoneNumberId) {
        if (wabaId == null) {
            return;
        }
        List<String> others = phones.otherOrganizationsOfAccount(wabaId, organizationId, phoneNumberId);
        if (!others.isEmpty()) {
            throw new InvalidInputException("WhatsApp Business Account " + wabaId + " belongs to organization "
                    + String.join(", ", others) + ": an account's numbers stay in one organization (check --waba-id, "
                    + "or remove that organization's numbers first with `scripts/wapi phone remove`)");
        }
    }

    public long addMember(String organizationId, String workspaceId, String email, Member.Role role) {
        return addMember(organizationId, workspaceId, email, role, Actor.osUser());
    }

    public long addMember(String organizationId, String workspaceId, String email, Member.Role role, String actor) {
        organizations.require(organizationId);
        if (workspaceId != null && !workspaces.require(workspaceId).organizationId().equals(organizationId)) {
            throw new InvalidInputException("workspace " + workspaceId + " belongs to another organization than "
                    + organizationId + ": pass a workspace of " + organizationId);
        }
        if (role == Member.Role.owner && workspaceId != null) {
            throw new InvalidInputException("an owner belongs to the whole organization: drop --workspace");
        }
        long id = members.upsert(organizationId, workspaceId, email(email), role);
        audit.record(new AdminAudit.Change(actor, organizationId, workspaceId, "user.add", Long.toString(id), null,
                members.findById(id).orElseThrow().state()));
        return id;
    }

    public ApiTokens.Issued createToken(String workspaceId, String organizationId, ApiToken.Kind kind) {
        return createToken(workspaceId, organizationId, kind, null, Actor.osUser());
    }

    public ApiTokens.Issued createToken(String workspaceId, String organizationId, ApiToken.Kind kind,
            Duration expiresIn, String actor) {
        if ((workspaceId == null) == (organizationId == null)) {
            throw new InvalidInputException("give exactly one of --workspace or --org");
        }
        String org = organizationId;
        if (workspaceId != null) {
            org = workspaces.require(workspaceId).organizationId();
        } else {
            organizations.require(organizationId);
            if (kind == ApiToken.Kind.ingest) {
                throw new InvalidInputException("ingest tokens belong to one workspace: use --workspace");
            }
        }
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
            throw new InvalidInputException("--expires-in must be positive, e.g. 90d or 12h");
        }
        ApiTokens.Issued issued = tokens.issue(kind, workspaceId, organizationId,
                expiresIn == null ? null : Instant.now().plus(expiresIn));
        audit.record(new AdminAudit.Change(actor, org, workspaceId, "token.create", Long.toString(issued.id()), null,
                tokenState(tokenRows.findById(issued.id()).orElseThrow())));
        return issued;
    }

    /** Revokes the token: its next request, on any process, is refused. */
    public void revokeToken(long id, String actor) {
        ApiTokenRepository.Listed token = tokenRows.findById(id).orElseThrow(() -> new InvalidInputException(
                "unknown token id " + id + ": list them with `scripts/wapi token list`"));
        if (token.revokedAt() != null) {
            throw new InvalidInputException("token " + id + " was revoked at " + token.revokedAt() + " already: nothing to do");
        }
        tokenRows.revoke(id);
        String org = token.organizationId() != null ? token.organizationId()
                : workspaces.require(token.workspaceId()).organizationId();
        audit.record(new AdminAudit.Change(actor, org, token.workspaceId(), "token.revoke", Long.toString(id),
                tokenState(token), tokenState(tokenRows.findById(id).orElseThrow())));
    }

    private static Map<String, Object> tokenState(ApiTokenRepository.Listed token) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("prefix", token.prefix());
        state.put("kind", token.kind().name());
        state.put("expires_at", token.expiresAt() == null ? null : token.expiresAt().toString());
        state.put("revoked_at", token.revokedAt() == null ? null : token.revokedAt().toString());
        return state;
    }

    static ZoneId zone(String timeZone) {
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new InvalidInputException("unknown time zone '" + timeZone
                    + "': use an IANA name such as Europe/Berlin, Asia/Kolkata or UTC");
        }
        return ZoneId.of(timeZone);
    }

    static String email(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("'" + email + "' is not an email address: use name@example.com");
        }
        return email.strip();
    }

    static void requireText(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(option + " must not be blank");
        }
    }
}
