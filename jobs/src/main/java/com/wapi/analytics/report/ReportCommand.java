package com.wapi.analytics.report;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"An operational report for one workspace and a range of the organization's local days.",
                "Reports: delivery, failures, agents, response-times, attribution, trends, flows.",
                "report flows --workspace W --run ID shows one flow run's steps with their inputs and outputs.",
                "Every figure comes from the ClickHouse views of clickhouse/README.md; each report ends with its definitions."},
        footer = {"", "Example: scripts/wapi report delivery --workspace acme-sales --from 2026-11-01 --to 2026-11-30 --format csv"})
public class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "NAME", description = "delivery | failures | agents | response-times | attribution | trends | flows")
    String name;
    @Option(names = "--workspace", required = true, paramLabel = "W") String workspace;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first local day (required but with --run)") LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last local day, included (required but with --run)") LocalDate to;
    @Option(names = "--run", paramLabel = "ID", description = "with flows: one flow run's steps, inputs and outputs") String run;
    @Option(names = "--format", defaultValue = "table", description = "table (default), json or csv") ReportFormat format;
    @Option(names = "--section", paramLabel = "NAME", description = "with --format csv: the section to write (default: the first)")
    String section;

    private final Reports reports;

    public ReportCommand(Reports reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() {
        if (run != null && !name.equals("flows")) {
            throw new InvalidInputException("--run goes with the flows report: scripts/wapi report flows --workspace W --run ID");
        }
        Report report = run != null ? reports.flowRun(workspace, run) : reports.run(name, workspace, from, to);
        if (section != null) {
            report.section(section);
        }
        ReportWriter.write(report, format, section, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
