package com.wapi.analytics.mail;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health details "emails": every email whose outcome is unknown, with the command that resends it. */
@Component("emails")
class HeldEmailsHealthIndicator extends AbstractHealthIndicator {

    private final HeldEmails held;

    HeldEmailsHealthIndicator(HeldEmails held) {
        super("could not read the send ledgers");
        this.held = held;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var uncertain = held.list().stream().map(h -> h.what() + ": " + h.error() + "; check the inbox, then `"
                + h.resend() + "`").toList();
        builder.up().withDetail("uncertain", uncertain);
    }
}
