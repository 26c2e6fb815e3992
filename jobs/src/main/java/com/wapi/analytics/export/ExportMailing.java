package com.wapi.analytics.export;

import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mails one period of a subscription: only to a manager of the workspace, the export attached in the subscription's
 * format (a CSV zipped above a size threshold), claimed in the send ledger before the SMTP hand-off.
 */
@Component
class ExportMailing {

    /** The exit code of a period whose recipient is no longer a manager of the workspace. */
    static final String NOT_A_MANAGER = "NOT_A_MANAGER";

    private final ExportSubscriptionRepository subscriptions;
    private final SendOnce sendOnce;
    private final Exports exports;
    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final Templates templates;
    private final Mailer mailer;
    private final long zipAboveBytes;

    ExportMailing(ExportSubscriptionRepository subscriptions, SendOnce sendOnce, Exports exports,
            WorkspaceRepository workspaces, OrganizationRepository organizations, MemberRepository members,
            Templates templates, Mailer mailer, @Value("${wapi.export.zip-above-bytes:2000000}") long zipAboveBytes) {
        this.subscriptions = subscriptions;
        this.sendOnce = sendOnce;
        this.exports = exports;
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.members = members;
        this.templates = templates;
        this.mailer = mailer;
        this.zipAboveBytes = zipAboveBytes;
    }

    /** Returns the outcome as the job's exit code: a {@link SendOnce.Outcome} name or {@link #NOT_A_MANAGER}. */
    String mail(long subscriptionId, ExportSubscription.Period period) throws IOException {
        ExportSubscription subscription = subscriptions.findById(subscriptionId).orElseThrow(
                () -> new IllegalStateException("export subscription " + subscriptionId + " does not exist"));
        SendOnce.Email email = HeldEmails.export(subscriptionId, period.start());
        Optional<SendOnce.Outcome> settled = sendOnce.settled(email);
        if (settled.isPresent()) {
            return settled.get().name();
        }
        Workspace workspace = workspaces.findById(subscription.workspaceId()).orElseThrow();
        Organization organization = organizations.findById(workspace.organizationId()).orElseThrow();
        boolean manager = members.findByWorkspaceAndRole(organization.id(), workspace.id(), Member.Role.manager).stream()
                .anyMatch(m -> m.email().equalsIgnoreCase(subscription.email()));
        if (!manager) {
            sendOnce.skip(email, subscription.email() + " is not a manager of " + workspace.id());
            return NOT_A_MANAGER;
        }
        ReportPeriod reportPeriod = new ReportPeriod(workspace, organization, period.start(), period.end());
        String name = subscription.kind() + "-" + workspace.id() + "-" + period.start() + "-" + period.end();
        Path dir = Files.createTempDirectory("wapi-export-");
        try {
            Path file = dir.resolve(name + "." + subscription.format());
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                rows = exports.write(subscription.kind(), reportPeriod, false, subscription.format(), out);
            }
            // a workbook is a zip already
            boolean zip = subscription.format() == ExportFormat.csv && Files.size(file) > zipAboveBytes;
            Path attachment = zip ? zip(file, dir.resolve(name + ".zip")) : file;
            Map<String, Object> model = Map.of("workspace", workspace.name(), "kind", subscription.kind().name(),
                    "cadence", subscription.cadence().name(), "from", period.start().toString(), "to", period.end().toString(),
                    "rows", rows, "timeZone", organization.timeZone().getId(), "file", attachment.getFileName().toString());
            String subject = "Your " + subscription.cadence() + " " + subscription.kind() + " export · " + workspace.name()
                    + " · " + period.start() + (period.end().equals(period.start()) ? "" : " to " + period.end());
            String detail = "period " + period.start() + ".." + period.end() + ", " + rows + " rows";
            SendOnce.Outcome sent = sendOnce.send(email, subscription.email(), detail,
                    () -> mailer.send(email.messageId(), subscription.email(), subject,
                            templates.render("export.txt.ftl", model), templates.render("export.html.ftlh", model),
                            attachment.toFile()));
            return sent.name();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path zip(Path csv, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(csv.getFileName().toString()));
            Files.copy(csv, zip);
            zip.closeEntry();
        }
        return target;
    }
}
