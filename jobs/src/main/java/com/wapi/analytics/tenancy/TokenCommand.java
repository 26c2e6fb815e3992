package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.Table;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "API tokens: ingest tokens for POST /events, read tokens for the reporting API.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public class TokenCommand {

    private static final Pattern EXPIRES_IN = Pattern.compile("(\\d{1,5})([dh])");

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once; only its hash is kept. Audited.")
    static class Create implements Runnable {

        @Spec CommandSpec spec;
        @Mixin Actor actor;
        @ArgGroup(exclusive = true, multiplicity = "1") Scope scope;
        @Option(names = "--kind", required = true, description = "ingest|read") ApiToken.Kind kind;
        @Option(names = "--expires-in", description = "valid for this long, in days or hours: 90d, 12h (default: until revoked)")
        String expiresIn;

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
            spec.commandLine().getOut().println(setup.createToken(scope.workspace, scope.org, kind,
                    duration(expiresIn), actor.name()).secret());
        }

        private static Duration duration(String value) {
            if (value == null) {
                return null;
            }
            Matcher m = EXPIRES_IN.matcher(value.strip());
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new InvalidInputException("--expires-in '" + value + "' is not a positive number of days or "
                        + "hours: use e.g. 90d or 12h");
            }
            long amount = Long.parseLong(m.group(1));
            return m.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List tokens, revoked and expired ones included (never their secrets).")
    static class ListTokens implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--workspace", description = "only this workspace's") String workspace;
        @Option(names = "--org", description = "only this organization's and its workspaces'") String org;
        private final ApiTokenRepository tokens;

        ListTokens(ApiTokenRepository tokens) {
            this.tokens = tokens;
        }

        @Override
        public void run() {
            if (workspace != null && org != null) {
                throw new InvalidInputException("give at most one of --workspace or --org");
            }
            Table table = new Table("ID", "PREFIX", "KIND", "SCOPE", "CREATED", "LAST USED", "EXPIRES", "REVOKED");
            for (ApiTokenRepository.Listed t : tokens.find(workspace, org)) {
                String scope = t.workspaceId() != null ? "workspace " + t.workspaceId() : "org " + t.organizationId();
                table.row(t.id(), t.prefix() + "...", t.kind(), scope, t.createdAt(), t.lastUsedAt(), t.expiresAt(),
                        t.revokedAt());
            }
            table.print(spec.commandLine().getOut());
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: its next request is refused (401) by every running server. Audited.")
    static class Revoke implements Runnable {

        @Mixin Actor actor;
        @Option(names = "--id", required = true, description = "the token's id, from `token list`") long id;
        private final Setup setup;

        Revoke(Setup setup) {
            this.setup = setup;
        }

        @Override
        public void run() {
            setup.revokeToken(id, actor.name());
        }
    }
}
