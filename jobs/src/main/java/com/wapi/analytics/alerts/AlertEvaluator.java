package com.wapi.analytics.alerts;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One evaluation of every rule for every workspace: opens an incident for each subject whose rule fires and that
 * has none open, resolves the open ones whose condition ended, then mails and posts what is still to tell.
 * One workspace's failure is reported against it and the others go on. Racing evaluators are harmless: the
 * incidents' unique index opens each once, the send ledger mails each event once.
 */
@Service
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger("alerts");

    /** @param what e.g. "error_spike 131049" or "email opened #12" */
    public record Line(String workspaceId, String what, String outcome) {

        public boolean failed() {
            return outcome.startsWith("FAILED");
        }

        @Override
        public String toString() {
            return workspaceId + " " + what + ": " + outcome;
        }
    }

    /** @param ruleTimes time spent in each rule, over every workspace; {@code total} includes mailing and posting */
    public record Evaluation(List<Line> lines, Map<String, Duration> ruleTimes, Duration total, int workspaces) {

        public boolean failed() {
            return lines.stream().anyMatch(Line::failed);
        }
    }

    private final WorkspaceRepository workspaces;
    private final AlertSettingsRepository settings;
    private final List<AlertRule> rules;
    private final MessageWindows windows;
    private final Incidents incidents;
    private final PendingEvents pending;
    private final AlertMail mail;
    private final AlertWebhook webhook;

    AlertEvaluator(WorkspaceRepository workspaces, AlertSettingsRepository settings, List<AlertRule> rules,
            MessageWindows windows, Incidents incidents, PendingEvents pending, AlertMail mail, AlertWebhook webhook) {
        this.workspaces = workspaces;
        this.settings = settings;
        this.rules = rules;
        this.windows = windows;
        this.incidents = incidents;
        this.pending = pending;
        this.mail = mail;
        this.webhook = webhook;
    }

    public List<String> ruleNames() {
        return rules.stream().map(AlertRule::name).toList();
    }

    public Evaluation evaluate(Instant now) {
        return evaluate(now, null);
    }

    /** @param workspaceId only this workspace's rules and notifications (null: every workspace) */
    public Evaluation evaluate(Instant now, String workspaceId) {
        long started = System.nanoTime();
        List<Line> lines = new ArrayList<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        Map<String, AlertSettings> configured = settings.findAll();
        List<Workspace> all = workspaceId == null ? workspaces.findAll() : List.of(workspaces.findById(workspaceId)
                .orElseThrow(() -> new InvalidInputException("unknown workspace " + workspaceId
                        + ": see `scripts/wapi workspace list`")));
        for (Workspace workspace : all) {
            Scope scope = new Scope(workspace, configured.getOrDefault(workspace.id(), AlertSettings.defaults(workspace.id())),
                    now, windows::read);
            for (AlertRule rule : rules) {
                long ruleStarted = System.nanoTime();
                try {
                    reconcile(workspace.id(), rule.name(), rule.judge(scope), now, lines);
                } catch (Exception e) {
                    log.warn("alert rule {} of workspace {} failed: {}", rule.name(), workspace.id(), ExitCodes.rootMessage(e), e);
                    lines.add(new Line(workspace.id(), rule.name(), "FAILED: " + ExitCodes.rootMessage(e)));
                }
                nanos.merge(rule.name(), System.nanoTime() - ruleStarted, Long::sum);
            }
        }
        tell(now, workspaceId, lines);
        Map<String, Duration> ruleTimes = new LinkedHashMap<>();
        nanos.forEach((rule, n) -> ruleTimes.put(rule, Duration.ofNanos(n)));
        return new Evaluation(lines, ruleTimes, Duration.ofNanos(System.nanoTime() - started), all.size());
    }

    private void reconcile(String workspaceId, String rule, List<Finding> findings, Instant now, List<Line> lines) {
        Set<String> judged = new HashSet<>();
        for (Finding finding : findings) {
            judged.add(finding.subject());
            if (finding.firing() && incidents.open(workspaceId, rule, finding, now)) {
                lines.add(new Line(workspaceId, rule + " " + finding.subject(), "OPENED: " + finding.summary()));
            } else if (!finding.firing()
                    && incidents.resolve(workspaceId, rule, finding.subject(), finding.summary(), finding.figures(), now)) {
                lines.add(new Line(workspaceId, rule + " " + finding.subject(), "RESOLVED: " + finding.summary()));
            }
        }
        for (String subject : incidents.openSubjects(workspaceId, rule)) {
            if (!judged.contains(subject)) {
                String summary = subject + ": no longer in the facts of this evaluation";
                if (incidents.resolve(workspaceId, rule, subject, summary, Map.of("subject", subject), now)) {
                    lines.add(new Line(workspaceId, rule + " " + subject, "RESOLVED: " + summary));
                }
            }
        }
    }

    /** Mails and posts every incident event still to tell; a failure is reported and retried next time. */
    private void tell(Instant now, String workspaceId, List<Line> lines) {
        for (PendingEvents.Pending p : pending.emails(now, workspaceId)) {
            lines.add(new Line(p.incident().workspaceId(), "email " + p.event() + " #" + p.incident().id(),
                    attempt(() -> mail.send(p.incident(), p.event()))));
        }
        for (PendingEvents.Pending p : pending.webhooks(now, workspaceId)) {
            lines.add(new Line(p.incident().workspaceId(), "webhook " + p.event() + " #" + p.incident().id(),
                    attempt(() -> webhook.post(p.incident(), p.event()))));
        }
    }

    private static String attempt(java.util.function.Supplier<String> action) {
        try {
            return action.get();
        } catch (Exception e) {
            log.warn("alert notification failed: {}", ExitCodes.rootMessage(e), e);
            return "FAILED: " + ExitCodes.rootMessage(e) + " (retried at the next evaluation)";
        }
    }
}
