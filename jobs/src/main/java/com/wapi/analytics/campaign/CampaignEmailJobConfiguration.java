package com.wapi.analytics.campaign;

import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.mail.SendRenderedEmailTasklet;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The campaign completion email job, one instance per (workspace, broadcast), identified by their hash and with
 * both ids in the job context: renderCampaignEmail renders the email for the workspace's admins into the job's
 * context; sendCampaignEmail claims the broadcast in the send ledger, hands the email to SMTP and confirms. A restart
 * after an SMTP failure sends exactly what was rendered.
 */
@Configuration(proxyBeanMethods = false)
class CampaignEmailJobConfiguration {

    static final String JOB = "campaignEmail";
    static final String WORKSPACE = "workspace";
    static final String BROADCAST = "broadcast";
    /** The one identifying parameter: a hash of the workspace and broadcast ids (see {@link #WORKSPACE}, {@link #BROADCAST}). */
    static final String CANDIDATE = "candidate";

    @Bean
    Job campaignEmailJob(JobRepository jobRepository, Step renderCampaignEmail, Step sendCampaignEmail) {
        return new JobBuilder(JOB, jobRepository).start(renderCampaignEmail).next(sendCampaignEmail).build();
    }

    @Bean
    Step renderCampaignEmail(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RenderCampaignEmailTasklet renderCampaignEmailTasklet) {
        return new StepBuilder("renderCampaignEmail", jobRepository).tasklet(renderCampaignEmailTasklet, transactionManager)
                .build();
    }

    @Bean
    Step sendCampaignEmail(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SendRenderedEmailTasklet sendCampaignEmailTasklet) {
        return new StepBuilder("sendCampaignEmail", jobRepository).tasklet(sendCampaignEmailTasklet, transactionManager)
                .build();
    }

    @Bean
    RenderCampaignEmailTasklet renderCampaignEmailTasklet(WorkspaceRepository workspaces,
            OrganizationRepository organizations, MemberRepository members, CampaignCompletion completion,
            Templates templates) {
        return new RenderCampaignEmailTasklet(workspaces, organizations, members, completion, templates);
    }

    @Bean
    SendRenderedEmailTasklet sendCampaignEmailTasklet(SendOnce sendOnce, Mailer mailer) {
        return new SendRenderedEmailTasklet(sendOnce, mailer,
                chunk -> HeldEmails.campaign(context(chunk, WORKSPACE), context(chunk, BROADCAST)));
    }

    /** The workspace or broadcast, from the job context: broadcast ids may be too long for a job parameter. */
    static String context(ChunkContext chunk, String name) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getString(name);
    }

    /** The admins of the workspace and the organization-wide admins, each address once. */
    static List<String> admins(MemberRepository members, Workspace workspace) {
        return members.adminEmails(workspace);
    }
}
