package com.wapi.analytics.tenancy;

import com.wapi.analytics.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "phone", mixinStandardHelpOptions = true,
        description = "Map Meta phone numbers to workspaces: webhooks are routed by value.metadata.phone_number_id.",
        subcommands = {PhoneCommand.Add.class, PhoneCommand.ListPhones.class})
public class PhoneCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a phone number to a workspace; prints its id.")
    static class Add implements Runnable {

        @Spec CommandSpec spec;
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
            spec.commandLine().getOut().println(setup.addPhoneNumber(workspace, phoneNumberId, wabaId, displayNumber).phoneNumberId());
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
}
