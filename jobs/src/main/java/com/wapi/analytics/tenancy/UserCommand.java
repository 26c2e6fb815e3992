package com.wapi.analytics.tenancy;

import com.wapi.analytics.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Add and list users with their roles.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
public class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Give a user a role; prints the membership id.")
    static class Add implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--org", required = true) String org;
        @Option(names = "--workspace", description = "limit the role to one workspace") String workspace;
        @Option(names = "--email", required = true) String email;
        @Option(names = "--role", required = true, description = "owner|admin|manager|agent") Member.Role role;

        private final Setup setup;

        Add(Setup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            spec.commandLine().getOut().println(setup.addMember(org, workspace, email, role));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List an organization's users.")
    static class ListUsers implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--org", required = true) String org;
        private final MemberRepository members;

        ListUsers(MemberRepository members) {
            this.members = members;
        }

        @Override
        public void run() {
            Table table = new Table("ID", "EMAIL", "ROLE", "WORKSPACE");
            for (Member m : members.findByOrganization(org)) {
                table.row(m.id(), m.email(), m.role(), m.workspaceId() == null ? "(all)" : m.workspaceId());
            }
            table.print(spec.commandLine().getOut());
        }
    }
}
