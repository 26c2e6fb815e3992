package com.wapi.analytics.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The development tools answer `--help` from the tools' classpath, before any database exists. */
class ToolsHelpTests {

    @ParameterizedTest
    @ValueSource(strings = {"simulate --help", "bench --help", "bench abuse --help", "mail-catcher --help"})
    void toolsAnswerHelpWithoutDatabase(String command) throws Exception {
        HelpWithoutDatabaseTests.answersHelpWithoutDatabase(command);
    }
}
