package com.wapi.analytics.etl;

import com.wapi.analytics.readers.meta.Router;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import com.wapi.analytics.tenancy.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes Meta webhooks to workspaces from the phone_numbers table; caches lookups for one step execution. */
class PostgresRouter implements Router {

    private final PhoneNumberRepository phones;
    private final Map<String, Optional<String>> byPhoneNumber = new HashMap<>();
    private final Map<String, List<String>> byAccount = new HashMap<>();

    PostgresRouter(PhoneNumberRepository phones) {
        this.phones = phones;
    }

    @Override
    public Optional<String> workspaceOfPhoneNumber(String phoneNumberId) {
        return byPhoneNumber.computeIfAbsent(phoneNumberId,
                id -> phones.findById(id).map(PhoneNumber::workspaceId));
    }

    @Override
    public List<String> workspacesOfAccount(String wabaId) {
        return byAccount.computeIfAbsent(wabaId, phones::workspacesOfAccount);
    }
}
