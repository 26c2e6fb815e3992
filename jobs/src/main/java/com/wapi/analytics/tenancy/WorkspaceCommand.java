package com.wapi.analytics.tenancy;

import com.wapi.analytics.console.Table;
import com.wapi.analytics.hours.ServiceHours;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Create, list and set workspaces.",
        subcommands = {WorkspaceCommand.Create.class, WorkspaceCommand.ListWorkspaces.class, WorkspaceCommand.Set.class})
public class WorkspaceCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a workspace; prints the new id alone.")
    static class Create implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--org", required = true, description = "organization id") String org;
        @Option(names = "--name", required = true, description = "display name, unique in the organization") String name;
        @Option(names = "--id", description = "choose the id (default: generated)") String id;

        private final Setup setup;

        Create(Setup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            spec.commandLine().getOut().println(setup.createWorkspace(id, org, name).id());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List workspaces.")
    static class ListWorkspaces implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--org", description = "only this organization's") String org;
        private final WorkspaceRepository workspaces;

        ListWorkspaces(WorkspaceRepository workspaces) {
            this.workspaces = workspaces;
        }

        @Override
        public void run() {
            Table table = new Table("ID", "ORGANIZATION", "NAME");
            for (Workspace w : org == null ? workspaces.findAll() : workspaces.findByOrganization(org)) {
                table.row(w.id(), w.organizationId(), w.name());
            }
            table.print(spec.commandLine().getOut());
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set a workspace's business hours, holidays and SLA; prints the settings.",
                    "Business hours are in the organization's time zone; the reports count waits within them only."},
            footer = {"", "Example: scripts/wapi workspace set acme-sales --business-hours \"mon-fri 09:00-18:00, sat 10:00-14:00\" "
                    + "--holiday 2026-12-25 --sla-first-response 15m --sla-resolution 8h"})
    static class Set implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @Parameters(index = "0", paramLabel = "W", description = "workspace id") String workspace;
        @Option(names = "--business-hours", paramLabel = "SCHEDULE",
                description = "weekly schedule, e.g. \"mon-fri 09:00-12:00 13:00-18:00, sat 10:00-14:00\"; always = every hour (the default)")
        String businessHours;
        @Option(names = "--holiday", paramLabel = "YYYY-MM-DD", description = "a local date closed all day (repeatable)")
        List<LocalDate> holidays = new ArrayList<>();
        @Option(names = "--remove-holiday", paramLabel = "YYYY-MM-DD", description = "no longer a holiday (repeatable)")
        List<LocalDate> removeHolidays = new ArrayList<>();
        @Option(names = "--sla-first-response", paramLabel = "DURATION",
                description = "first response target in business hours, e.g. 15m, 2h; off removes it")
        String firstResponseSla;
        @Option(names = "--sla-resolution", paramLabel = "DURATION",
                description = "resolution target in business hours, e.g. 8h, 2d; off removes it")
        String resolutionSla;

        private final ServiceHoursSettings settings;

        Set(ServiceHoursSettings settings) {
            this.settings = settings;
        }

        @Override
        public void run() {
            ServiceHours hours = settings.set(workspace, new ServiceHoursSettings.Change(businessHours, holidays, removeHolidays,
                    firstResponseSla, resolutionSla), actor.name());
            hours.describe().forEach((name, value) -> spec.commandLine().getOut().println(name + ": " + (value == null ? "off" : value)));
        }
    }
}
