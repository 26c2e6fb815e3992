package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves and removes phone numbers, with their audit rows. Facts already loaded stay where they are; the etl routes
 * every Meta event by the mapping in force at the event's receive time (raw_events.received_at), so events
 * received before the change go to the old workspace even when loaded after it, and events received after a removal
 * are quarantined as unknown_phone_number (replayed to the workspace the number is added to again).
 */
@Service
@Transactional
public class PhoneNumbers {

    private final PhoneNumberRepository phones;
    private final WorkspaceRepository workspaces;
    private final Setup setup;
    private final AdminAudit audit;

    public PhoneNumbers(PhoneNumberRepository phones, WorkspaceRepository workspaces, Setup setup, AdminAudit audit) {
        this.phones = phones;
        this.workspaces = workspaces;
        this.setup = setup;
        this.audit = audit;
    }

    public PhoneNumber move(String phoneNumberId, String toWorkspaceId, String actor) {
        PhoneNumber before = phones.require(phoneNumberId);
        Workspace to = workspaces.require(toWorkspaceId);
        if (before.workspaceId().equals(toWorkspaceId)) {
            throw new InvalidInputException("phone_number_id " + phoneNumberId + " is in workspace " + toWorkspaceId
                    + " already: give another --to-workspace");
        }
        setup.requireAccountOfOneOrganization(before.wabaId(), to.organizationId(), phoneNumberId);
        phones.move(phoneNumberId, toWorkspaceId);
        PhoneNumber after = phones.require(phoneNumberId);
        audit.record(new AdminAudit.Change(actor, to.organizationId(), toWorkspaceId, "phone.move", phoneNumberId,
                before.state(), after.state()));
        return after;
    }

    public void remove(String phoneNumberId, String actor) {
        PhoneNumber before = phones.require(phoneNumberId);
        phones.delete(phoneNumberId);
        audit.record(new AdminAudit.Change(actor, workspaces.require(before.workspaceId()).organizationId(),
                before.workspaceId(), "phone.remove", phoneNumberId, before.state(), null));
    }
}
