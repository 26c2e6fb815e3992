package com.wapi.analytics.jobs;

import com.wapi.analytics.console.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Runs one job instance to completion at most once: starts it, or restarts it if it failed or its process died,
 * or does nothing if it completed. An advisory lock per instance keeps racing processes apart. A job whose runs
 * share one lock (etl) takes that lock itself and resumes its last run with {@link #resumeLast}.
 */
@Component
public class InstanceRunner {

    private static final EnumSet<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    public enum Outcome { RAN, ALREADY_DONE, BUSY }

    public record Result(Outcome outcome, JobExecution execution) {

        /** For a tick's report: the outcome, or the run's status and exit code and its first error. */
        public String summary() {
            if (outcome != Outcome.RAN) {
                return outcome.name();
            }
            String status = execution.getStatus() + " " + execution.getExitStatus().getExitCode();
            return execution.getAllFailureExceptions().isEmpty() ? status
                    : status + ": " + ExitCodes.rootMessage(execution.getAllFailureExceptions().get(0));
        }
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
        return run(job, params, lockKey, Map.of());
    }

    /**
     * @param subject put in a new instance's job context, where its steps read it and restarts find it again: what
     *     the job is about when that is too long for a parameter (the parameters then carry its hash)
     */
    public Result run(Job job, JobParameters params, String lockKey, Map<String, String> subject) throws Exception {
        Optional<JobLock.Held> held = lock.tryAcquire(lockKey, Duration.ZERO);
        if (held.isEmpty()) {
            return new Result(Outcome.BUSY, null);
        }
        try (JobLock.Held ignored = held.get()) {
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), params);
            if (last == null) {
                return new Result(Outcome.RAN, subject.isEmpty() ? jobOperator.start(job, params) : start(job, params, subject));
            }
            if (isDone(last)) {
                return new Result(Outcome.ALREADY_DONE, last);
            }
            return new Result(Outcome.RAN, resume(last));
        }
    }

    /**
     * Restarts the job's last run if it did not complete (it failed, stopped, or its process died); empty when there
     * is no run or the last one is done. The caller holds the lock that every run of the job takes.
     */
    public Optional<JobExecution> resumeLast(String jobName) throws Exception {
        JobInstance instance = jobRepository.getLastJobInstance(jobName);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        // a run of status UNKNOWN cannot be restarted: the next run goes on without it
        if (last == null || isDone(last) || last.getStatus() == BatchStatus.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(resume(last));
    }

    private static boolean isDone(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED;
    }

    private JobExecution resume(JobExecution last) throws Exception {
        if (UNFINISHED.contains(last.getStatus())) {
            // The caller holds this instance's lock, so the process that ran it is gone.
            last = jobOperator.recover(last);
        }
        return jobOperator.restart(last);
    }

    /** What the job operator's start does, with the subject in the job context from the first step on. */
    private JobExecution start(Job job, JobParameters params, Map<String, String> subject) throws Exception {
        job.getJobParametersValidator().validate(params);
        ExecutionContext context = new ExecutionContext();
        subject.forEach(context::putString);
        JobExecution execution = jobRepository.createJobExecution(jobRepository.createJobInstance(job.getName(), params),
                params, context);
        job.execute(execution);
        return execution;
    }

    /** A hash of ids, short enough for any job parameter however long the ids are. */
    public static String hash(String... ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
