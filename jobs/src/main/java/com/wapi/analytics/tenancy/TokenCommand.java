package com.wapi.analytics.tenancy;

import com.wapi.analytics.cli.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "API tokens: ingest tokens for POST /events, read tokens for the reporting API.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class})
public class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once; only its hash is kept.")
    static class Create implements Runnable {

        @Spec CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1") Scope scope;
        @Option(names = "--kind", required = true, description = "ingest|read") ApiToken.Kind kind;

        static class Scope {
            @Option(names = "--workspace", required = true) String workspace;
            @Option(names = "--org", required = true) String org;
        }

        private final Setup setup;

        Create(Setup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            spec.commandLine().getOut().println(setup.createToken(scope.workspace, scope.org, kind).secret());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List active tokens (never their secrets).")
    static class ListTokens implements Runnable {

        @Spec CommandSpec spec;
        private final ApiTokenRepository tokens;

        ListTokens(ApiTokenRepository tokens) {
            this.tokens = tokens;
        }

        @Override
        public void run() {
            Table table = new Table("ID", "PREFIX", "KIND", "WORKSPACE", "ORGANIZATION");
            for (ApiToken t : tokens.findAll()) {
                table.row(t.id(), t.prefix() + "...", t.kind(), t.workspaceId(), t.organizationId());
            }
            table.print(spec.commandLine().getOut());
        }
    }
}
