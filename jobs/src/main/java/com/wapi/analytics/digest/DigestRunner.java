package com.wapi.analytics.digest;

import com.wapi.analytics.jobs.JobLock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Runs the digest of one organization and day: starts its job instance, or restarts it if it failed or was
 * killed, or does nothing if it completed. A lock per (organization, day) keeps racing processes apart; the send
 * ledger is what finally guarantees one email.
 */
@Service
public class DigestRunner {

    private static final EnumSet<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    public enum Outcome { RAN, ALREADY_DONE, BUSY }

    public record Result(Outcome outcome, JobExecution execution) {
    }

    private final JobLock lock;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job digestJob;

    public DigestRunner(JobLock lock, JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("digestJob") Job digestJob) {
        this.lock = lock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.digestJob = digestJob;
    }

    public Result run(String organizationId, LocalDate date) throws Exception {
        Optional<JobLock.Held> held = lock.tryAcquire("digest:" + organizationId + ":" + date, Duration.ZERO);
        if (held.isEmpty()) {
            return new Result(Outcome.BUSY, null);
        }
        try (JobLock.Held ignored = held.get()) {
            JobParameters params = parameters(organizationId, date);
            JobExecution last = jobRepository.getLastJobExecution(DigestJobConfiguration.JOB, params);
            if (last == null) {
                return new Result(Outcome.RAN, jobOperator.start(digestJob, params));
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                return new Result(Outcome.ALREADY_DONE, last);
            }
            if (UNFINISHED.contains(last.getStatus())) {
                // We hold the lock of this digest, so the process that ran it is gone.
                last = jobOperator.recover(last);
            }
            return new Result(Outcome.RAN, jobOperator.restart(last));
        }
    }

    static JobParameters parameters(String organizationId, LocalDate date) {
        return new JobParametersBuilder().addString(DigestJobConfiguration.ORGANIZATION, organizationId)
                .addString(DigestJobConfiguration.DATE, date.toString()).toJobParameters();
    }
}
