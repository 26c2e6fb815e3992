package com.wapi.analytics.privacy;

import com.wapi.analytics.console.Table;
import com.wapi.analytics.tenancy.Actor;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "contact", mixinStandardHelpOptions = true, description = "A customer's data.",
        subcommands = {ContactCommand.Erase.class})
public class ContactCommand {

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase a contact from a workspace: its raw events (Meta bodies batching other customers "
                    + "are rewritten without it), their quarantine entries and its ClickHouse facts, including the "
                    + "conversations it opened and its flow runs. Waits until ClickHouse has deleted the rows.",
                    "The audit trail records the counts and a hash of the contact, never the data."})
    static class Erase implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @Option(names = "--workspace", required = true, description = "workspace id") String workspace;
        @Option(names = "--contact", required = true,
                description = "the contact's wa_id (digits) or business-scoped user id") String contact;

        private final ContactErasure erasure;

        Erase(ContactErasure erasure) {
            this.erasure = erasure;
        }

        @Override
        public void run() {
            ContactErasure.Result result;
            try {
                result = erasure.erase(workspace, contact, actor.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted; run the erase again to finish it", e);
            }
            Table table = new Table("WHAT", "ERASED");
            table.row("raw events deleted", result.rawDeleted());
            table.row("raw events rewritten", result.rawRewritten());
            table.row("quarantine entries", result.quarantineDeleted());
            for (Map.Entry<String, Long> rows : result.factRows().entrySet()) {
                table.row("facts in " + rows.getKey(), rows.getValue());
            }
            table.print(spec.commandLine().getOut());
        }
    }
}
