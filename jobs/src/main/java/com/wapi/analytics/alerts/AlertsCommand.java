package com.wapi.analytics.alerts;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
import com.wapi.analytics.report.ReportFormat;
import com.wapi.analytics.tenancy.Actor;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Operational alerts per workspace: a delivery rate drop, an error code spike, a template or phone "
                + "number in trouble, late facts. Each incident is opened once and resolved once, and each is mailed "
                + "to the workspace's admins (and posted to its webhook, if set) once. `serve` evaluates every 5 minutes."},
        subcommands = {AlertsCommand.ListIncidents.class, AlertsCommand.Set.class, AlertsCommand.Evaluate.class,
                AlertsCommand.Resend.class})
public class AlertsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
    static class ListIncidents implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--open", description = "only the open ones") boolean open;
        @Option(names = "--workspace", paramLabel = "W", description = "only this workspace's") String workspace;
        @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE})")
        ReportFormat format;
        @Option(names = "--limit", defaultValue = "100", description = "at most this many (default: ${DEFAULT-VALUE})") int limit;

        private final Incidents incidents;
        private final WorkspaceRepository workspaces;

        ListIncidents(Incidents incidents, WorkspaceRepository workspaces) {
            this.incidents = incidents;
            this.workspaces = workspaces;
        }

        @Override
        public void run() {
            if (workspace != null && workspaces.findById(workspace).isEmpty()) {
                throw new InvalidInputException("unknown workspace " + workspace + ": see `scripts/wapi workspace list`");
            }
            if (limit < 1) {
                throw new InvalidInputException("--limit: give 1 or more");
            }
            IncidentWriter.write(incidents.find(workspace, open, limit), format, spec.commandLine().getOut());
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set a workspace's alert thresholds; prints the settings. Unset ones keep their value "
                    + "(the defaults: 10 points, 200 messages, 3h, 3 times, 50 messages, 15m, 20 items).",
                    "The first --webhook-url generates the webhook's signing secret and prints it once."},
            footer = {"", "Example: scripts/wapi alerts set acme-sales --delivery-drop-points 10 --min-volume 200 "
                    + "--error-spike-factor 3 --error-spike-min 50 --etl-lag 15m --webhook-url https://ops.example.com/hooks/wapi"})
    static class Set implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @Parameters(index = "0", paramLabel = "W", description = "workspace id") String workspace;
        @Option(names = "--delivery-drop-points", paramLabel = "N",
                description = "alert when the delivery rate of the window is N points below its 7-day baseline") Integer dropPoints;
        @Option(names = "--min-volume", paramLabel = "N",
                description = "targeted messages the window and the baseline need before the delivery rate is judged") Integer minVolume;
        @Option(names = "--delivery-window", paramLabel = "DURATION",
                description = "the recent window of the delivery and error rules, e.g. 3h, 1d") String deliveryWindow;
        @Option(names = "--error-spike-factor", paramLabel = "K",
                description = "alert when an error code fails K times its baseline...") BigDecimal spikeFactor;
        @Option(names = "--error-spike-min", paramLabel = "M", description = "...and at least M messages") Integer spikeMin;
        @Option(names = "--etl-lag", paramLabel = "DURATION",
                description = "alert when an event of the workspace waits longer than this to be loaded, e.g. 15m") String etlLag;
        @Option(names = "--quarantine-growth", paramLabel = "N",
                description = "alert when N or more of the workspace's events were quarantined in the last hour") Integer quarantine;
        @Option(names = "--webhook-url", paramLabel = "URL",
                description = "also POST each incident event as signed JSON to this http(s) URL; off removes it") String webhookUrl;

        private final AlertSetup setup;

        Set(AlertSetup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            AlertSetup.Result result = setup.set(workspace, new AlertSetup.Change(dropPoints, minVolume, deliveryWindow,
                    spikeFactor, spikeMin, etlLag, quarantine, webhookUrl), actor.name());
            PrintWriter out = spec.commandLine().getOut();
            result.settings().describe().forEach((name, value) -> out.println(name + ": " + value));
            if (result.newSecret() != null) {
                out.println("webhook-secret: " + result.newSecret() + "  (shown once: the key of the " + AlertWebhook.SIGNATURE
                        + " header's HMAC-SHA256)");
            }
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"One evaluation now (what `serve` runs every 5 minutes): opens and resolves incidents, then "
                    + "mails and posts what is still to tell. Prints what changed and the time each rule took.",
                    "Exit code 1 when a rule or a notification failed (retried at the next evaluation)."})
    static class Evaluate implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--now", description = "pretend it is this instant (ISO-8601 with offset), e.g. 2026-11-02T09:05:00Z")
        OffsetDateTime now;
        @Option(names = "--workspace", paramLabel = "W", description = "only this workspace (default: every workspace)")
        String workspace;

        private final AlertEvaluator evaluator;

        Evaluate(AlertEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Override
        public Integer call() {
            AlertEvaluator.Evaluation evaluation = evaluator.evaluate(now == null ? Instant.now() : now.toInstant(), workspace);
            PrintWriter out = spec.commandLine().getOut();
            evaluation.lines().forEach(out::println);
            StringBuilder times = new StringBuilder();
            evaluation.ruleTimes().forEach((rule, time) -> times.append(", ").append(rule).append(' ').append(time.toMillis()).append(" ms"));
            out.println("evaluated " + evaluation.workspaces() + " workspaces in " + evaluation.total().toMillis() + " ms" + times);
            return evaluation.failed() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = "Send an alert email again whose outcome is unknown (claimed by a crashed process, or "
                    + "uncertain): check the admins' inboxes first.")
    static class Resend implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--incident", required = true, paramLabel = "ID", description = "incident id (alerts list)") long incident;
        @Option(names = "--event", required = true, paramLabel = "EVENT", description = "opened or resolved") String event;

        private final Incidents incidents;
        private final SendLedger ledger;
        private final AlertMail mail;

        Resend(Incidents incidents, SendLedger ledger, AlertMail mail) {
            this.incidents = incidents;
            this.ledger = ledger;
            this.mail = mail;
        }

        @Override
        public Integer call() {
            if (!event.equals("opened") && !event.equals("resolved")) {
                throw new InvalidInputException("--event: give opened or resolved");
            }
            Incident found = incidents.findById(incident).orElseThrow(() -> new InvalidInputException(
                    "unknown incident " + incident + ": see `scripts/wapi alerts list`"));
            if (event.equals("resolved") && found.isOpen()) {
                throw new InvalidInputException("incident " + incident + " is still open: it has no resolved email yet");
            }
            ledger.release(HeldEmails.alert(incident, event).key());
            String outcome = mail.send(found, event);
            spec.commandLine().getOut().println(outcome);
            return outcome.equals("SENT") || outcome.equals("ALREADY_SENT") ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
