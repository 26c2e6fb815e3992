package com.wapi.analytics.support;

import com.wapi.analytics.WapiApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A `scripts/wapi` command in another JVM (its own heap, killable) on the given databases, its output to a log. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code WapiApplication args}; {@code jvmOptions} such as -Xmx256m or -Dwapi.etl.chunk-size=250. */
    public static Process wapi(TestDatabases.Pair databases, Path log, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        databases.springProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(WapiApplication.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
