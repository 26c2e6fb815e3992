package com.wapi.analytics.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import picocli.CommandLine.Command;

/**
 * The commands under {@code wapi}, found on the classpath instead of listed here, so the command line depends on no
 * feature: every top-level class annotated {@link Command} in the application's packages that no other command
 * names as its subcommand.
 */
final class CommandCatalogue {

    private CommandCatalogue() {
    }

    static List<Class<?>> topLevel() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        List<Class<?>> commands = scanner.findCandidateComponents("com.wapi.analytics").stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                        CommandCatalogue.class.getClassLoader()))
                .filter(type -> type.getEnclosingClass() == null && type != WapiCommand.class)
                .toList();
        Set<Class<?>> nested = new HashSet<>();
        for (Class<?> command : commands) {
            nested.addAll(Arrays.asList(command.getAnnotation(Command.class).subcommands()));
        }
        return commands.stream().filter(type -> !nested.contains(type))
                .sorted(Comparator.comparing(type -> type.getAnnotation(Command.class).name()))
                .toList();
    }
}
