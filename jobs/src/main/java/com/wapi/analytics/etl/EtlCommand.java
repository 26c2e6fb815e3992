package com.wapi.analytics.etl;

import com.wapi.analytics.console.ExitCodes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "etl", mixinStandardHelpOptions = true,
        description = {"One etl run now: raw events past the watermark into ClickHouse facts.",
                "Restarts the last run first if it failed or was killed; it resumes after its last committed chunk.",
                "Exit 1 if a run failed (see `scripts/wapi jobs show ID`)."})
public class EtlCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--until-id", description = "load raw events up to this id only") Long untilId;
    @Option(names = "--replay-quarantine",
            description = "afterwards, re-read quarantined events whose cause is gone (e.g. a phone number added since)")
    boolean replayQuarantine;
    @Option(names = "--print-memory", hidden = true, description = "print the JVM's peak heap use (benchmarks)")
    boolean printMemory;

    private final EtlRunner runner;
    private final EtlProperties properties;

    public EtlCommand(EtlRunner runner, EtlProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HeapPeak heap = printMemory ? HeapPeak.start() : null;
        Optional<List<JobExecution>> executions = runner.run(untilId, replayQuarantine,
                Duration.ofSeconds(properties.lockWaitSeconds()));
        if (executions.isEmpty()) {
            spec.commandLine().getErr().printf("error: another etl run held the lock for %d s; try again later%n",
                    properties.lockWaitSeconds());
            return ExitCodes.FAILED;
        }
        if (executions.get().isEmpty()) {
            out.println("etl: nothing new to load");
        }
        int code = ExitCodes.OK;
        for (JobExecution execution : executions.get()) {
            out.println(summary(execution));
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                code = ExitCodes.FAILED;
            }
        }
        if (heap != null) {
            out.printf("peak heap: %d MiB (max %d MiB)%n", heap.stop() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        return code;
    }

    static String summary(JobExecution execution) {
        long read = 0;
        long written = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (EtlJobConfiguration.isTotalStep(step.getStepName())) {
                read += step.getReadCount();
                written += step.getWriteCount();
            }
        }
        var params = execution.getJobParameters();
        String range = params.getLong(EtlJobConfiguration.FROM_ID) == null ? "quarantine replay"
                : "raw events " + (params.getLong(EtlJobConfiguration.FROM_ID) + 1) + ".." + params.getLong(EtlJobConfiguration.UNTIL_ID);
        double seconds = execution.getStartTime() == null || execution.getEndTime() == null ? 0
                : Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0;
        String line = String.format("%s: execution %d, %s: %s, %d read, %d loaded in %.1f s (%d events/s)",
                execution.getJobInstance().getJobName(), execution.getId(), range, execution.getStatus(), read,
                written, seconds, seconds > 0 ? Math.round(read / seconds) : read);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = execution.getAllFailureExceptions().stream().findFirst()
                    .map(ExitCodes::rootMessage).orElse(execution.getExitStatus().getExitDescription());
            line += System.lineSeparator() + "  failed: " + reason
                    + System.lineSeparator() + "  fix the cause, then run `scripts/wapi etl` again: it resumes after the last committed chunk";
        }
        return line;
    }
}
