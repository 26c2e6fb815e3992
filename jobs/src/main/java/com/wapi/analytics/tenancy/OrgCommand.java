package com.wapi.analytics.tenancy;

import com.wapi.analytics.console.Table;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Create, list, show and change organizations.",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class, OrgCommand.Show.class, OrgCommand.Set.class})
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

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an organization's settings.")
    static class Show implements Runnable {

        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ORG", description = "organization id") String org;
        private final OrganizationRepository organizations;

        Show(OrganizationRepository organizations) {
            this.organizations = organizations;
        }

        @Override
        public void run() {
            print(spec.commandLine().getOut(), organizations.require(org));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {
            "Change an organization's settings; prints them as `org show` does. Audited.",
            "A new --timezone moves the digest to 09:00 of the new zone from the next tick on; a local date already "
                    + "sent is never sent again (see README, Operating it).",
            "A new --owner-email replaces the owner: the next digest goes to the new owner only."})
    static class Set implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @Parameters(paramLabel = "ORG", description = "organization id") String org;
        @Option(names = "--name", description = "display name") String name;
        @Option(names = "--timezone", description = "IANA time zone of its days and digest, e.g. Asia/Kolkata") String timeZone;
        @Option(names = "--digest", description = "daily owner digest: on|off") Toggle digest;
        @Option(names = "--empty-day", description = "on a day without traffic: send|skip") Organization.EmptyDayMode emptyDay;
        @Option(names = "--owner-email", description = "the new owner, who receives the digest from now on") String ownerEmail;

        private final OrgSettings settings;

        Set(OrgSettings settings) {
            this.settings = settings;
        }

        @Override
        public void run() {
            Boolean enabled = digest == null ? null : digest == Toggle.on;
            print(spec.commandLine().getOut(), settings.set(org,
                    new OrgSettings.Changes(name, timeZone, enabled, emptyDay, ownerEmail), actor.name()));
        }
    }

    private static void print(PrintWriter out, Organization org) {
        out.println("id: " + org.id());
        for (Map.Entry<String, Object> setting : org.settings().entrySet()) {
            out.println(setting.getKey() + ": " + setting.getValue());
        }
        out.flush();
    }

    enum Toggle { on, off }
}
