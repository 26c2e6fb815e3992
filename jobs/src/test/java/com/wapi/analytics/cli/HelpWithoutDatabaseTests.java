package com.wapi.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouseProperties;
import com.wapi.analytics.support.ChildJvm;
import com.wapi.analytics.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

/** `--help` answers before any database exists: a new user reads it before `scripts/services up`. */
class HelpWithoutDatabaseTests {

    /** Nothing listens on port 1. */
    static final TestDatabases.Pair NOWHERE = new TestDatabases.Pair("jdbc:postgresql://127.0.0.1:1/none",
            "nobody", "none", new ClickHouseProperties("jdbc:clickhouse://127.0.0.1:1/none", "nobody", "",
                    "ru.yandex.clickhouse.ClickHouseDriver", Map.of("compress", "false"), 1));

    @ParameterizedTest
    @ValueSource(strings = {"--help", "etl --help", "etl-worker --help", "export subscribe --help"})
    void helpNeedsNoDatabase(String command) throws Exception {
        answersHelpWithoutDatabase(command);
    }

    /** The development tools live in tools/ (wapi-tools.jar): the product's command line does not carry them. */
    @Test
    void theProductCarriesNoDevelopmentTools() {
        assertThat(CommandCatalogue.topLevel()).extracting(type -> type.getAnnotation(Command.class).name())
                .contains("etl", "serve").doesNotContain("simulate", "bench", "mail-catcher");
    }

    static void answersHelpWithoutDatabase(String command) throws Exception {
        Path log = Files.createTempFile("wapi-help", ".log");
        Process wapi = ChildJvm.wapi(NOWHERE, log, List.of("-XX:TieredStopAtLevel=1"), command.split(" "));
        assertThat(wapi.waitFor(60, TimeUnit.SECONDS)).as(ChildJvm.read(log)).isTrue();
        assertThat(wapi.exitValue()).as(ChildJvm.read(log)).isZero();
        assertThat(ChildJvm.read(log)).contains("Usage: wapi").doesNotContain("Exception");
    }
}
