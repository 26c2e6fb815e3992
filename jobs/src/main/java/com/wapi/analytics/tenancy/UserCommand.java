package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Users and their roles.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.SetRole.class,
                UserCommand.Remove.class, UserCommand.Link.class})
public class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Give a user a role; prints the membership id. Audited.")
    static class Add implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
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
            spec.commandLine().getOut().println(setup.addMember(org, workspace, email, role, actor.name()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List an organization's users.")
    static class ListUsers implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--org", required = true) String org;
        private final MemberRepository members;
        private final OrganizationRepository organizations;

        ListUsers(MemberRepository members, OrganizationRepository organizations) {
            this.members = members;
            this.organizations = organizations;
        }

        @Override
        public void run() {
            organizations.require(org);
            Table table = new Table("ID", "EMAIL", "ROLE", "WORKSPACE");
            for (Member m : members.findByOrganization(org)) {
                table.row(m.id(), m.email(), m.role(), m.workspaceId() == null ? "(all)" : m.workspaceId());
            }
            table.print(spec.commandLine().getOut());
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true,
            description = "Change a user's role (not the owner's: replace the owner with `org set --owner-email`). Audited.")
    static class SetRole implements Runnable {

        @Mixin Actor actor;
        @Option(names = "--id", required = true, description = "the membership id, from `user list`") long id;
        @Option(names = "--role", required = true, description = "admin|manager|agent") Member.Role role;
        private final Memberships memberships;

        SetRole(Memberships memberships) {
            this.memberships = memberships;
        }

        @Override
        public void run() {
            memberships.setRole(id, role, actor.name());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user's role (the owner cannot be removed, only replaced with `org set --owner-email`). Audited.")
    static class Remove implements Runnable {

        @Mixin Actor actor;
        @Option(names = "--id", required = true, description = "the membership id, from `user list`") long id;
        private final Memberships memberships;

        Remove(Memberships memberships) {
            this.memberships = memberships;
        }

        @Override
        public void run() {
            memberships.remove(id, actor.name());
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Print a fresh one-time sign-in link for a user (single use, valid 15 minutes). Audited.")
    static class Link implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @Parameters(paramLabel = "EMAIL", description = "the user's address, as given to `user add`") String email;
        private final MemberRepository members;
        private final SignInLinks links;
        private final AdminAudit audit;

        Link(MemberRepository members, SignInLinks links, AdminAudit audit) {
            this.members = members;
            this.links = links;
            this.audit = audit;
        }

        @Override
        public void run() {
            Member member = members.findByEmail(email).stream().findFirst().orElseThrow(() -> new InvalidInputException(
                    "no user has the address " + email + ": add one with `scripts/wapi user add --org ORG --email "
                            + email + " --role ROLE`"));
            String link = links.issue(member.email());
            audit.record(new AdminAudit.Change(actor.name(), member.organizationId(), null, "user.link", member.email(),
                    null, null));
            spec.commandLine().getOut().println(link);
        }
    }
}
