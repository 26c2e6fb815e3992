package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trails.",
        subcommands = {AuditCommand.Admin.class})
public class AuditCommand {

    @Command(name = "admin", mixinStandardHelpOptions = true,
            description = "Administrative changes (settings, tokens, people, numbers, erasures), newest first.")
    static class Admin implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--org", description = "only this organization's changes") String org;
        @Option(names = "--since", description = "from this UTC date (YYYY-MM-DD) or instant (ISO-8601) on") String since;
        @Option(names = "--limit", defaultValue = "100", description = "at most this many rows (default ${DEFAULT-VALUE})") int limit;

        private final AdminAudit audit;

        Admin(AdminAudit audit) {
            this.audit = audit;
        }

        @Override
        public void run() {
            Table table = new Table("ID", "AT", "ACTOR", "ORG", "WORKSPACE", "ACTION", "TARGET", "BEFORE", "AFTER");
            for (AdminAudit.Entry e : audit.find(org, since(since), limit)) {
                table.row(e.id(), e.at(), e.actor(), e.organizationId(), e.workspaceId(), e.action(), e.target(),
                        e.before(), e.after());
            }
            table.print(spec.commandLine().getOut());
        }

        private static OffsetDateTime since(String value) {
            if (value == null) {
                return null;
            }
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                        : OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("--since '" + value + "' is neither a date (2026-11-30) nor an "
                        + "instant with offset (2026-11-30T09:00:00Z)");
            }
        }
    }
}
