package com.wapi.analytics.digest;

import com.wapi.analytics.jobs.InstanceRunner;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Runs the digest of one organization and day at most once to completion (see {@link InstanceRunner}); the send
 * ledger is what finally guarantees one email.
 */
@Service
public class DigestRunner {

    private final InstanceRunner runner;
    private final Job digestJob;

    public DigestRunner(InstanceRunner runner, @Qualifier("digestJob") Job digestJob) {
        this.runner = runner;
        this.digestJob = digestJob;
    }

    /** @param late past the time it should have gone: the email says so (a parameter of the first run only) */
    public InstanceRunner.Result run(String organizationId, LocalDate date, boolean late) throws Exception {
        JobParameters parameters = new JobParametersBuilder().addString(DigestJobConfiguration.ORGANIZATION, organizationId)
                .addString(DigestJobConfiguration.DATE, date.toString())
                .addString(DigestJobConfiguration.LATE, Boolean.toString(late), false).toJobParameters();
        return runner.run(digestJob, parameters, "digest:" + organizationId + ":" + date);
    }
}
