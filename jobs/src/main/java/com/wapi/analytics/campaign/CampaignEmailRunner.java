package com.wapi.analytics.campaign;

import com.wapi.analytics.jobs.JobLock;
import java.time.Duration;
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
 * Runs the completion email job of one broadcast: starts its instance, restarts it if it failed or was killed,
 * or does nothing if it completed. A lock per (workspace, broadcast) keeps racing processes apart; the send ledger
 * is what finally guarantees one email.
 */
@Service
public class CampaignEmailRunner {

    private static final EnumSet<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    public enum Outcome { RAN, ALREADY_DONE, BUSY }

    public record Result(Outcome outcome, JobExecution execution) {
    }

    private final JobLock lock;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job campaignEmailJob;

    public CampaignEmailRunner(JobLock lock, JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("campaignEmailJob") Job campaignEmailJob) {
        this.lock = lock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.campaignEmailJob = campaignEmailJob;
    }

    public Result run(String workspaceId, String broadcastId) throws Exception {
        Optional<JobLock.Held> held = lock.tryAcquire("campaign:" + workspaceId + ":" + broadcastId, Duration.ZERO);
        if (held.isEmpty()) {
            return new Result(Outcome.BUSY, null);
        }
        try (JobLock.Held ignored = held.get()) {
            JobParameters params = new JobParametersBuilder()
                    .addString(CampaignEmailJobConfiguration.WORKSPACE, workspaceId)
                    .addString(CampaignEmailJobConfiguration.BROADCAST, broadcastId).toJobParameters();
            JobExecution last = jobRepository.getLastJobExecution(CampaignEmailJobConfiguration.JOB, params);
            if (last == null) {
                return new Result(Outcome.RAN, jobOperator.start(campaignEmailJob, params));
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                return new Result(Outcome.ALREADY_DONE, last);
            }
            if (UNFINISHED.contains(last.getStatus())) {
                // We hold the lock of this email, so the process that ran it is gone.
                last = jobOperator.recover(last);
            }
            return new Result(Outcome.RAN, jobOperator.restart(last));
        }
    }
}
