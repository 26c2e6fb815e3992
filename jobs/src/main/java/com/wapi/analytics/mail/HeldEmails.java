package com.wapi.analytics.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emails of the three send ledgers whose outcome is unknown ({@code uncertain}): each waits for an operator
 * to check the recipient's inbox and resend it by hand. Listed by `jobs`, counted by the metric
 * {@code wapi.mail.uncertain} (tag {@code email}: digest, campaign, export) and shown in the health details.
 */
@Component
public class HeldEmails {

    private static final List<String> KINDS = List.of("digest", "campaign", "export");

    private final JdbcClient db;

    public HeldEmails(JdbcClient db, MeterRegistry meters) {
        this.db = db;
        for (String kind : KINDS) {
            Gauge.builder("wapi.mail.uncertain", () -> count(kind)).tag("email", kind)
                    .description("emails the SMTP server may have taken without confirming; resend by hand").register(meters);
        }
    }

    public static SendOnce.Email digest(String organizationId, LocalDate date) {
        return new SendOnce.Email("the digest of " + organizationId + " for " + date,
                "scripts/wapi digest --org " + organizationId + " --date " + date + " --resend");
    }

    public static SendOnce.Email campaign(String workspaceId, String broadcastId) {
        return new SendOnce.Email("the completion email of broadcast " + broadcastId + " (workspace " + workspaceId + ")",
                "scripts/wapi campaign-email --workspace " + workspaceId + " --broadcast " + broadcastId + " --resend");
    }

    public static SendOnce.Email export(long subscriptionId, LocalDate periodStart) {
        return new SendOnce.Email("the export of subscription " + subscriptionId + " for the period from " + periodStart,
                "scripts/wapi export send --subscription " + subscriptionId + " --period-start " + periodStart + " --resend");
    }

    /** One uncertain email: what it is, what happened, and the command that sends it again. */
    public record Held(String kind, String what, String error, String resend) {
    }

    public List<Held> list() {
        return db.sql("""
                SELECT 'digest', organization_id, digest_date::text, last_error, finished_at
                  FROM digest_ledger WHERE state = 'uncertain'
                UNION ALL
                SELECT 'campaign', workspace_id, broadcast_id, last_error, finished_at
                  FROM campaign_email_ledger WHERE state = 'uncertain'
                UNION ALL
                SELECT 'export', subscription_id::text, period_start::text, last_error, finished_at
                  FROM export_ledger WHERE state = 'uncertain'
                 ORDER BY 5, 1, 2, 3""")
                .query((rs, n) -> {
                    String kind = rs.getString(1);
                    SendOnce.Email email = switch (kind) {
                        case "digest" -> digest(rs.getString(2), LocalDate.parse(rs.getString(3)));
                        case "campaign" -> campaign(rs.getString(2), rs.getString(3));
                        default -> export(Long.parseLong(rs.getString(2)), LocalDate.parse(rs.getString(3)));
                    };
                    return new Held(kind, email.what(), rs.getString(4), email.resend());
                }).list();
    }

    private long count(String kind) {
        String table = switch (kind) {
            case "digest" -> "digest_ledger";
            case "campaign" -> "campaign_email_ledger";
            default -> "export_ledger";
        };
        return db.sql("SELECT count(*) FROM " + table + " WHERE state = 'uncertain'").query(Long.class).single();
    }
}
