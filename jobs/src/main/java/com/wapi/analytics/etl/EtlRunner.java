package com.wapi.analytics.etl;

import com.wapi.analytics.jobs.InstanceRunner;
import com.wapi.analytics.jobs.JobLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * One etl run: under the etl lock, first finish the last run if it failed or was killed (restart from its last
 * committed chunk), then load everything from the watermark to the consistent cut, then optionally replay the
 * quarantine.
 */
@Service
public class EtlRunner {

    private final JobLock lock;
    private final JobOperator jobOperator;
    private final InstanceRunner instances;
    private final Job etlJob;
    private final Job replayJob;
    private final EtlWatermark watermark;

    public EtlRunner(JobLock lock, JobOperator jobOperator, InstanceRunner instances,
            @Qualifier("etlJob") Job etlJob, @Qualifier("etlReplayJob") Job replayJob, EtlWatermark watermark) {
        this.lock = lock;
        this.jobOperator = jobOperator;
        this.instances = instances;
        this.etlJob = etlJob;
        this.replayJob = replayJob;
        this.watermark = watermark;
    }

    /** The job executions of one run, in order; empty when another process holds the lock the whole wait. */
    public Optional<List<JobExecution>> run(Long untilId, boolean replayQuarantine, Duration lockWait) throws Exception {
        Optional<JobLock.Held> held = lock.tryAcquire(EtlJobConfiguration.JOB, lockWait);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try (JobLock.Held ignored = held.get()) {
            List<JobExecution> executions = new ArrayList<>();
            // a failed or killed run restarts from its last committed chunk; we hold the etl lock
            Optional<JobExecution> resumed = instances.resumeLast(EtlJobConfiguration.JOB);
            if (resumed.isPresent()) {
                JobExecution restarted = resumed.get();
                executions.add(restarted);
                if (restarted.getStatus() != BatchStatus.COMPLETED) {
                    return Optional.of(executions);
                }
            }
            long from = watermark.current();
            long cut = watermark.consistentCut();
            long until = untilId == null ? cut : Math.min(untilId, cut);
            if (until > from) {
                JobExecution execution = jobOperator.start(etlJob, range(from, until));
                executions.add(execution);
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    return Optional.of(executions);
                }
            }
            if (replayQuarantine) {
                executions.add(jobOperator.start(replayJob, new JobParametersBuilder()
                        .addLong("requestedAt", System.currentTimeMillis()).toJobParameters()));
            }
            return Optional.of(executions);
        }
    }

    static JobParameters range(long from, long until) {
        return new JobParametersBuilder().addLong(EtlJobConfiguration.FROM_ID, from)
                .addLong(EtlJobConfiguration.UNTIL_ID, until).toJobParameters();
    }
}
