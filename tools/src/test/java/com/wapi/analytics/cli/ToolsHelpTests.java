package com.wapi.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line finds the development tools on the tools' classpath, and their help needs no bean. */
class ToolsHelpTests {

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "bench", "bench abuse", "mail-catcher"})
    void toolsAnswerHelp(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new WapiCommandLine(null).execute(new PrintWriter(out, true), new PrintWriter(err, true),
                (command + " --help").split(" "));
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Usage: wapi " + command + " ");
    }
}
