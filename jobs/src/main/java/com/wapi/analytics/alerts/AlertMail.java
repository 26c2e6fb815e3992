package com.wapi.analytics.alerts;

import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Mails an incident event to the workspace's admins, at most once (the send ledger, through {@code SendOnce}). */
@Component
class AlertMail {

    private final SendOnce sendOnce;
    private final AlertContents contents;
    private final Templates templates;
    private final Mailer mailer;
    private final WorkspaceRepository workspaces;
    private final MemberRepository members;

    AlertMail(SendOnce sendOnce, AlertContents contents, Templates templates, Mailer mailer,
            WorkspaceRepository workspaces, MemberRepository members) {
        this.sendOnce = sendOnce;
        this.contents = contents;
        this.templates = templates;
        this.mailer = mailer;
        this.workspaces = workspaces;
        this.members = members;
    }

    /** @return what happened, for the evaluation's output */
    String send(Incident incident, String event) {
        Workspace workspace = workspaces.findById(incident.workspaceId()).orElseThrow();
        List<String> admins = members.adminEmails(workspace);
        if (admins.isEmpty()) {
            sendOnce.skip(HeldEmails.alert(incident.id(), event), "no admin");
            return "SKIPPED: workspace " + workspace.id() + " has no admin; add one with `scripts/wapi user add --org "
                    + workspace.organizationId() + " --workspace " + workspace.id() + " --role admin --email EMAIL`";
        }
        AlertContent content = contents.of(incident, event);
        Map<String, Object> model = Map.of("a", content);
        String text = templates.render("alert.txt.ftl", model);
        String html = templates.render("alert.html.ftlh", model);
        String to = String.join(",", admins);
        SendOnce.Email email = HeldEmails.alert(incident.id(), event);
        try {
            return sendOnce.send(email, to, null,
                    () -> mailer.send(email.messageId(), to, content.subjectLine(), text, html)).name();
        } catch (IllegalStateException held) {
            // claimed by a racing evaluator a moment ago, or held for an operator: either way not sent from here
            return "HELD: " + held.getMessage();
        }
    }
}
