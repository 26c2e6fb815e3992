package com.wapi.analytics.tenancy;

import com.wapi.analytics.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Create and list organizations.",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
public class OrgCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an organization and its owner; prints the new id alone.")
    static class Create implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--name", required = true, description = "display name") String name;
        @Option(names = "--timezone", required = true, description = "IANA time zone of its days and digest, e.g. Asia/Kolkata") String timeZone;
        @Option(names = "--owner-email", required = true, description = "receives the daily digest") String ownerEmail;
        @Option(names = "--id", description = "choose the id (default: generated)") String id;
        @Option(names = "--digest", defaultValue = "on", description = "daily owner digest: on|off (default ${DEFAULT-VALUE})") Toggle digest;
        @Option(names = "--empty-day", defaultValue = "send", description = "on a day without traffic: send|skip (default ${DEFAULT-VALUE})") Organization.EmptyDayMode emptyDay;

        private final Setup setup;

        Create(Setup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            Organization org = setup.createOrganization(id, name, timeZone, ownerEmail, digest == Toggle.on, emptyDay);
            spec.commandLine().getOut().println(org.id());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organizations.")
    static class ListOrgs implements Runnable {

        @Spec CommandSpec spec;
        private final OrganizationRepository organizations;

        ListOrgs(OrganizationRepository organizations) {
            this.organizations = organizations;
        }

        @Override
        public void run() {
            Table table = new Table("ID", "NAME", "TIME ZONE", "OWNER", "DIGEST", "EMPTY DAY");
            for (Organization o : organizations.findAll()) {
                table.row(o.id(), o.name(), o.timeZone(), o.ownerEmail(), o.digestEnabled() ? "on" : "off", o.emptyDayMode());
            }
            table.print(spec.commandLine().getOut());
        }
    }

    enum Toggle { on, off }
}
