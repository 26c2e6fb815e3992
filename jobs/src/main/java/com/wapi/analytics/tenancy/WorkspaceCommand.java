package com.wapi.analytics.tenancy;

import com.wapi.analytics.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Create and list workspaces.",
        subcommands = {WorkspaceCommand.Create.class, WorkspaceCommand.ListWorkspaces.class})
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
}
