package com.wapi.analytics.export;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.console.Table;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Managers' scheduled exports: subscribe, unsubscribe, list, and the tick the scheduler runs. */
final class ExportSubscriptionCommands {

    private ExportSubscriptionCommands() {
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true,
            description = {"Mail a workspace's export to one of its managers every day or every week (after 09:00 local),",
                    "as CSV or as an .xlsx workbook. Subscribing again changes the format. Prints the subscription id."})
    static class Subscribe implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "W") String workspace;
        @Option(names = "--email", required = true, description = "a manager of the workspace") String email;
        @Option(names = "--kind", defaultValue = "broadcasts", description = "broadcasts (default) or conversations")
        Exports.Kind kind;
        @Option(names = "--every", required = true, paramLabel = "daily|weekly") ExportSubscription.Cadence cadence;
        @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx", description = "csv (default) or xlsx")
        ExportFormat format;

        private final ExportSubscriptionRepository subscriptions;
        private final WorkspaceRepository workspaces;
        private final MemberRepository members;

        Subscribe(ExportSubscriptionRepository subscriptions, WorkspaceRepository workspaces, MemberRepository members) {
            this.subscriptions = subscriptions;
            this.workspaces = workspaces;
            this.members = members;
        }

        @Override
        public Integer call() {
            Workspace ws = workspaces.findById(workspace).orElseThrow(() -> new InvalidInputException(
                    "unknown workspace " + workspace + ": see `scripts/wapi workspace list`"));
            boolean manager = members.findByWorkspaceAndRole(ws.organizationId(), ws.id(), Member.Role.manager).stream()
                    .anyMatch(m -> m.email().equalsIgnoreCase(email));
            if (!manager) {
                throw new InvalidInputException(email + " is not a manager of " + workspace + ": add them first with "
                        + "`scripts/wapi user add --org " + ws.organizationId() + " --workspace " + workspace
                        + " --email " + email + " --role manager`");
            }
            spec.commandLine().getOut().println(subscriptions.subscribe(ws.id(), email, kind, cadence, format));
            return ExitCodes.OK;
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "Stop a scheduled export.")
    static class Unsubscribe implements Callable<Integer> {
        @Option(names = "--id", required = true, description = "the subscription id (see `export subscriptions`)") long id;

        private final ExportSubscriptionRepository subscriptions;

        Unsubscribe(ExportSubscriptionRepository subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public Integer call() {
            if (!subscriptions.deactivate(id)) {
                throw new InvalidInputException("no active subscription " + id + ": see `scripts/wapi export subscriptions`");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "subscriptions", mixinStandardHelpOptions = true, description = "List a workspace's scheduled exports.")
    static class ListSubscriptions implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "W") String workspace;

        private final ExportSubscriptionRepository subscriptions;

        ListSubscriptions(ExportSubscriptionRepository subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public Integer call() {
            Table table = new Table("ID", "EMAIL", "KIND", "EVERY", "FORMAT", "ACTIVE", "SINCE");
            subscriptions.findByWorkspace(workspace).forEach(s -> table.row(s.id(), s.email(), s.kind(), s.cadence(),
                    s.format(), s.active() ? "yes" : "no", s.createdAt().toLocalDate()));
            table.print(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Mail one period of a subscription now, unless it was mailed already.",
                    "--resend releases a period that may have gone (a claim left by a crash, or an SMTP hand-off whose "
                            + "outcome is unknown: uncertain) after checking the recipient's inbox."})
    static class Send implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--subscription", required = true, description = "the subscription id (see `export subscriptions`)")
        long id;
        @Option(names = "--period-start", required = true, paramLabel = "YYYY-MM-DD",
                description = "the period's first local day (a Monday for weekly)") LocalDate start;
        @Option(names = "--resend", description = "send a claimed or uncertain period again, though it may have gone")
        boolean resend;

        private final ExportSubscriptionRepository subscriptions;
        private final SendLedger ledger;
        private final ExportTick tick;

        Send(ExportSubscriptionRepository subscriptions, SendLedger ledger, ExportTick tick) {
            this.subscriptions = subscriptions;
            this.ledger = ledger;
            this.tick = tick;
        }

        @Override
        public Integer call() throws Exception {
            ExportSubscription subscription = subscriptions.findById(id).orElseThrow(() -> new InvalidInputException(
                    "no subscription " + id + ": see `scripts/wapi export subscriptions --workspace W`"));
            ExportSubscription.Period period = subscription.cadence().startingOn(start);
            PrintWriter out = spec.commandLine().getOut();
            if (resend && ledger.release(HeldEmails.export(id, start).key())) {
                out.println("released the held export of subscription " + id + " " + start + " for resending");
            }
            String outcome = tick.run(id, period);
            out.printf("subscription %d %s..%s: %s%n", id, period.start(), period.end(), outcome);
            return outcome.startsWith("COMPLETED") || outcome.equals("ALREADY_DONE") ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "tick", mixinStandardHelpOptions = true,
            description = "What the scheduler runs every 5 minutes: mail every subscription's last closed period not mailed yet.")
    static class Tick implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--now", description = "pretend it is this instant (ISO-8601 with offset)") OffsetDateTime now;

        private final ExportTick tick;

        Tick(ExportTick tick) {
            this.tick = tick;
        }

        @Override
        public Integer call() throws Exception {
            int code = ExitCodes.OK;
            PrintWriter out = spec.commandLine().getOut();
            for (ExportTick.Due due : tick.tick(now == null ? Instant.now() : now.toInstant())) {
                out.printf("subscription %d %s: %s%n", due.subscriptionId(), due.periodText(),
                        due.outcome());
                if (due.outcome().startsWith("FAILED")) {
                    code = ExitCodes.FAILED;
                }
            }
            return code;
        }
    }
}
