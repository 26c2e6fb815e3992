package com.wapi.analytics.cli;

import com.wapi.analytics.console.ExitCodes;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.objenesis.SpringObjenesis;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Parses and runs one {@code scripts/wapi} command with the beans of the running context. */
@Component
public class WapiCommandLine {

    private static final List<Class<?>> COMMANDS = CommandCatalogue.topLevel();
    private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");
    private static final SpringObjenesis OBJENESIS = new SpringObjenesis();

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
        CommandLine.IFactory factory = helpOnly(args) ? this::createForHelp : this::create;
        CommandLine commandLine = new CommandLine(WapiCommand.class, factory);
        for (Class<?> command : COMMANDS) {
            commandLine.addSubcommand(new CommandLine(command, factory));
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

    /** No command runs: help, a version or the list of commands needs no database. */
    private static boolean helpOnly(String[] args) {
        return args.length == 0 || Arrays.stream(args).anyMatch(HELP::contains);
    }

    /** Commands without their beans (their constructors are not called): enough to print their usage. */
    private <K> K createForHelp(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(CommandLine.Command.class)) {
            return OBJENESIS.newInstance(type);
        }
        return CommandLine.defaultFactory().create(type);
    }

    @SuppressWarnings("unchecked")
    private <K> K create(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(CommandLine.Command.class)) {
            return (K) beans.createBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}
