package com.wapi.analytics.campaign;

import com.wapi.analytics.jobs.InstanceRunner;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Runs the completion email job of one broadcast at most once to completion (see {@link InstanceRunner}); the
 * send ledger is what finally guarantees one email.
 */
@Service
public class CampaignEmailRunner {

    private final InstanceRunner runner;
    private final Job campaignEmailJob;

    public CampaignEmailRunner(InstanceRunner runner, @Qualifier("campaignEmailJob") Job campaignEmailJob) {
        this.runner = runner;
        this.campaignEmailJob = campaignEmailJob;
    }

    public InstanceRunner.Result run(String workspaceId, String broadcastId) throws Exception {
        String candidate = InstanceRunner.hash(workspaceId, broadcastId);
        return runner.run(campaignEmailJob, new JobParametersBuilder()
                .addString(CampaignEmailJobConfiguration.CANDIDATE, candidate).toJobParameters(),
                "campaign:" + candidate, Map.of(CampaignEmailJobConfiguration.WORKSPACE, workspaceId,
                        CampaignEmailJobConfiguration.BROADCAST, broadcastId));
    }
}
