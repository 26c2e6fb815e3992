package com.wapi.analytics.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an operator reads about each kind of email in the send ledger, and the emails whose outcome is unknown
 * ({@code uncertain}): each waits for an operator to check the recipient's inbox and resend it by hand. Listed by
 * `jobs`, counted by the metric {@code wapi.mail.uncertain} (tag {@code email}: the ledger's kind) and shown in the
 * health details.
 */
@Component
public class HeldEmails {

    private final SendLedger ledger;

    public HeldEmails(SendLedger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        for (SendLedger.Kind kind : SendLedger.Kind.values()) {
            Gauge.builder("wapi.mail.uncertain", () -> ledger.countUncertain(kind)).tag("email", kind.name())
                    .description("emails the SMTP server may have taken without confirming; resend by hand").register(meters);
        }
    }

    /** The email of a ledger key, described for an operator. */
    public static SendOnce.Email email(SendLedger.Key key) {
        String scope = key.scope();
        String subject = key.subject();
        return switch (key.kind()) {
            case digest -> new SendOnce.Email(key, "the digest of " + scope + " for " + subject,
                    "scripts/wapi digest --org " + scope + " --date " + subject + " --resend");
            case campaign -> new SendOnce.Email(key, "the completion email of broadcast " + subject + " (workspace " + scope + ")",
                    "scripts/wapi campaign-email --workspace " + scope + " --broadcast " + subject + " --resend");
            case export -> new SendOnce.Email(key, "the export of subscription " + scope + " for the period from " + subject,
                    "scripts/wapi export send --subscription " + scope + " --period-start " + subject + " --resend");
            case alert -> new SendOnce.Email(key, "the " + subject + " email of alert incident " + scope,
                    "scripts/wapi alerts resend --incident " + scope + " --event " + subject);
        };
    }

    public static SendOnce.Email digest(String organizationId, LocalDate date) {
        return email(new SendLedger.Key(SendLedger.Kind.digest, organizationId, date.toString()));
    }

    public static SendOnce.Email campaign(String workspaceId, String broadcastId) {
        return email(new SendLedger.Key(SendLedger.Kind.campaign, workspaceId, broadcastId));
    }

    public static SendOnce.Email export(long subscriptionId, LocalDate periodStart) {
        return email(new SendLedger.Key(SendLedger.Kind.export, Long.toString(subscriptionId), periodStart.toString()));
    }

    public static SendOnce.Email alert(long incidentId, String event) {
        return email(new SendLedger.Key(SendLedger.Kind.alert, Long.toString(incidentId), event));
    }

    /** One uncertain email: what it is, what happened, and the command that sends it again. */
    public record Held(String kind, String what, String error, String resend) {
    }

    public List<Held> list() {
        return ledger.uncertain().stream().map(u -> {
            SendOnce.Email email = email(u.key());
            return new Held(u.key().kind().name(), email.what(), u.error(), email.resend());
        }).toList();
    }
}
