package com.wapi.analytics.etl;

import com.wapi.analytics.readers.meta.Router;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import com.wapi.analytics.tenancy.PhoneNumberRepository.Route;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes Meta webhooks to workspaces by the mapping in force when the event was received (phone_number_routes),
 * so an event received before a `phone move` goes to the old workspace even when loaded after it. Caches each
 * number's and account's mappings for one step execution.
 */
class PostgresRouter {

    private final PhoneNumberRepository phones;
    private final Map<String, List<Route>> byPhoneNumber = new HashMap<>();
    private final Map<String, List<Route>> byAccount = new HashMap<>();

    PostgresRouter(PhoneNumberRepository phones) {
        this.phones = phones;
    }

    /** The routing of events received at {@code receivedAt}. */
    Router at(Instant receivedAt) {
        return new Router() {
            @Override
            public Optional<String> workspaceOfPhoneNumber(String phoneNumberId) {
                return byPhoneNumber.computeIfAbsent(phoneNumberId, phones::routesOfNumber).stream()
                        .filter(route -> route.validAt(receivedAt)).map(Route::workspaceId).findFirst();
            }

            @Override
            public List<String> workspacesOfAccount(String wabaId) {
                return byAccount.computeIfAbsent(wabaId, phones::routesOfAccount).stream()
                        .filter(route -> route.validAt(receivedAt)).map(Route::workspaceId).distinct().toList();
            }
        };
    }
}
