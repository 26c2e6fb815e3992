package com.wapi.analytics.tenancy;

import com.wapi.analytics.console.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "phone", mixinStandardHelpOptions = true,
        description = "Map Meta phone numbers to workspaces: webhooks are routed by value.metadata.phone_number_id.",
        subcommands = {PhoneCommand.Add.class, PhoneCommand.ListPhones.class, PhoneCommand.Move.class,
                PhoneCommand.Remove.class})
public class PhoneCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Add a phone number to a workspace; prints its id. Audited.",
            "A WhatsApp Business Account's numbers all belong to one organization."})
    static class Add implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @Option(names = "--workspace", required = true) String workspace;
        @Option(names = "--phone-number-id", required = true, description = "Meta's phone number id") String phoneNumberId;
        @Option(names = "--waba-id", description = "WhatsApp Business Account id: routes template and account updates") String wabaId;
        @Option(names = "--display-number", description = "e.g. 15550783881") String displayNumber;

        private final Setup setup;

        Add(Setup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            spec.commandLine().getOut().println(
                    setup.addPhoneNumber(workspace, phoneNumberId, wabaId, displayNumber, actor.name()).phoneNumberId());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List phone numbers.")
    static class ListPhones implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--workspace", description = "only this workspace's") String workspace;
        private final PhoneNumberRepository phones;

        ListPhones(PhoneNumberRepository phones) {
            this.phones = phones;
        }

        @Override
        public void run() {
            Table table = new Table("PHONE NUMBER ID", "WORKSPACE", "WABA", "DISPLAY NUMBER");
            for (PhoneNumber p : phones.findAll(workspace)) {
                table.row(p.phoneNumberId(), p.workspaceId(), p.wabaId(), p.displayNumber());
            }
            table.print(spec.commandLine().getOut());
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = {
            "Route a number to another workspace. Audited.",
            "Events received from now on (by their receive time) go to the new workspace; facts already loaded, and "
                    + "events received before, stay in the old one."})
    static class Move implements Runnable {

        @Mixin Actor actor;
        @Option(names = "--phone-number-id", required = true) String phoneNumberId;
        @Option(names = "--to-workspace", required = true) String toWorkspace;
        private final PhoneNumbers phones;

        Move(PhoneNumbers phones) {
            this.phones = phones;
        }

        @Override
        public void run() {
            phones.move(phoneNumberId, toWorkspace, actor.name());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = {
            "Stop routing a number. Audited.",
            "Events received from now on are quarantined as unknown_phone_number; add the number again and run "
                    + "`etl --replay-quarantine` to load them."})
    static class Remove implements Runnable {

        @Mixin Actor actor;
        @Option(names = "--phone-number-id", required = true) String phoneNumberId;
        private final PhoneNumbers phones;

        Remove(PhoneNumbers phones) {
            this.phones = phones;
        }

        @Override
        public void run() {
            phones.remove(phoneNumberId, actor.name());
        }
    }
}
