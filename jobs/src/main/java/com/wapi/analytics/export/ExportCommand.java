package com.wapi.analytics.export;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.commons.io.output.WriterOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports for managers: CSV (RFC 4180, UTF-8, header row, numbers bare, rates as fractions with 4 decimals,",
                "times ISO-8601 with the organization's offset; text a spreadsheet would run as a formula is prefixed with an",
                "apostrophe) or an .xlsx workbook of typed cells (--format xlsx)."},
        subcommands = {ExportCommand.Broadcasts.class, ExportCommand.Conversations.class,
                ExportSubscriptionCommands.Subscribe.class, ExportSubscriptionCommands.Unsubscribe.class,
                ExportSubscriptionCommands.ListSubscriptions.class, ExportSubscriptionCommands.Send.class,
                ExportSubscriptionCommands.Tick.class})
public class ExportCommand {

    /** The options every export takes. */
    static class Range {
        @Option(names = "--workspace", required = true, paramLabel = "W") String workspace;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first local day") LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last local day (included)") LocalDate to;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (- for stdout)") String out;
        @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx", description = "csv (default) or xlsx")
        ExportFormat format;
    }

    abstract static class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Range range;

        final Reports reports;
        final Exports exports;

        Export(Reports reports, Exports exports) {
            this.reports = reports;
            this.exports = exports;
        }

        abstract Exports.Kind kind();

        abstract boolean perRecipient();

        @Override
        public Integer call() throws IOException {
            ReportPeriod period = reports.period(range.workspace, range.from, range.to);
            long start = System.nanoTime();
            long rows;
            if (range.out.equals("-")) {
                rows = toStdout(period);
            } else {
                rows = toFile(period, Path.of(range.out));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            spec.commandLine().getErr().printf("export: %,d rows to %s in %.1f s (%,.0f rows/s)%n", rows, range.out, seconds,
                    rows / Math.max(seconds, 1e-3));
            return ExitCodes.OK;
        }

        /** CSV through the command's own writer; a workbook, being binary, straight to the process's stdout. */
        private long toStdout(ReportPeriod period) throws IOException {
            if (range.format != ExportFormat.csv) {
                long rows = exports.write(kind(), period, perRecipient(), range.format, System.out, ExportProgress.NONE);
                System.out.flush();
                return rows;
            }
            OutputStream out = WriterOutputStream.builder().setWriter(spec.commandLine().getOut())
                    .setCharset(StandardCharsets.UTF_8).get();
            long rows = exports.write(kind(), period, perRecipient(), range.format, out, ExportProgress.NONE);
            out.flush();
            return rows;
        }

        /** Written to a temporary file beside the target and moved into place, so a failed export leaves no half file. */
        private long toFile(ReportPeriod period, Path target) throws IOException {
            Path dir = target.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new InvalidInputException("--out " + target + ": the folder " + dir + " does not exist");
            }
            Path temp = Files.createTempFile(dir, ".export-", "." + range.format);
            try {
                long rows;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    rows = exports.write(kind(), period, perRecipient(), range.format, out,
                            ExportProgress.to(spec.commandLine().getErr()));
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return rows;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Command(name = "broadcasts", mixinStandardHelpOptions = true,
            description = {"A row per broadcast: funnel, rates, top failure, attributed conversations, conversions and revenue.",
                    "With --recipients: a row per recipient with its final state and the time of each status."})
    static class Broadcasts extends Export {
        @Option(names = "--recipients", description = "a row per recipient instead of per broadcast") boolean recipients;

        Broadcasts(Reports reports, Exports exports) {
            super(reports, exports);
        }

        @Override
        Exports.Kind kind() {
            return Exports.Kind.broadcasts;
        }

        @Override
        boolean perRecipient() {
            return recipients;
        }
    }

    @Command(name = "conversations", mixinStandardHelpOptions = true,
            description = "A row per conversation opened in the period: agent, team, first response, replies, resolution, attribution.")
    static class Conversations extends Export {
        Conversations(Reports reports, Exports exports) {
            super(reports, exports);
        }

        @Override
        Exports.Kind kind() {
            return Exports.Kind.conversations;
        }

        @Override
        boolean perRecipient() {
            return false;
        }
    }
}
