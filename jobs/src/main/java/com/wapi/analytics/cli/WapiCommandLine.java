package com.wapi.analytics.cli;

import java.io.PrintWriter;
import com.wapi.analytics.console.ExitCodes;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Parses and runs one {@code scripts/wapi} command with the beans of the running context. */
@Component
public class WapiCommandLine {

    private static final List<Class<?>> COMMANDS = CommandCatalogue.topLevel();

    private final AutowireCapableBeanFactory beans;

    public WapiCommandLine(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    public static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve")
                && Arrays.stream(args).noneMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    public int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(WapiCommand.class, this::create);
        for (Class<?> command : COMMANDS) {
            commandLine.addSubcommand(new CommandLine(command, this::create));
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(ExitCodes::onUsageError);
        commandLine.setExecutionExceptionHandler(ExitCodes::onFailure);
        return commandLine.execute(args);
    }

    /** One line for a failure, naming the fix where the cause is known. */
    public static String explain(Throwable e) {
        return ExitCodes.explain(e);
    }

    @SuppressWarnings("unchecked")
    private <K> K create(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(CommandLine.Command.class)) {
            return (K) beans.createBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
