package com.wapi.analytics.jobs;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs one job instance to completion at most once: starts it, or restarts it if it failed or its process died,
 * or does nothing if it completed. An advisory lock per instance keeps racing processes apart.
 */
@Component
public class InstanceRunner {

    private static final EnumSet<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    public enum Outcome { RAN, ALREADY_DONE, BUSY }

    public record Result(Outcome outcome, JobExecution execution) {
    }

    private final JobLock lock;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public InstanceRunner(JobLock lock, JobOperator jobOperator, JobRepository jobRepository) {
        this.lock = lock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    public Result run(Job job, JobParameters params, String lockKey) throws Exception {
        Optional<JobLock.Held> held = lock.tryAcquire(lockKey, Duration.ZERO);
        if (held.isEmpty()) {
            return new Result(Outcome.BUSY, null);
        }
        try (JobLock.Held ignored = held.get()) {
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), params);
            if (last == null) {
                return new Result(Outcome.RAN, jobOperator.start(job, params));
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                return new Result(Outcome.ALREADY_DONE, last);
            }
            if (UNFINISHED.contains(last.getStatus())) {
                // We hold this instance's lock, so the process that ran it is gone.
                last = jobOperator.recover(last);
            }
            return new Result(Outcome.RAN, jobOperator.restart(last));
        }
    }
}
