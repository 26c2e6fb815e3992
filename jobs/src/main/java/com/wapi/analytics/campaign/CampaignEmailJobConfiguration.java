package com.wapi.analytics.campaign;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The campaign completion email job, one instance per (workspace, broadcast), identified by their hash and with
 * both ids in the job context: renderCampaignEmail renders the
 * email for the workspace's admins into the job's context; sendCampaignEmail claims the broadcast in the send
 * ledger, hands the email to SMTP and confirms. A restart after an SMTP failure sends exactly what was rendered.
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
            WorkspaceRepository workspaces, OrganizationRepository organizations, MemberRepository members,
            CampaignCompletion completion, Templates templates) {
        return new StepBuilder("renderCampaignEmail", jobRepository).tasklet((contribution, chunk) -> {
            String workspaceId = parameter(chunk, WORKSPACE);
            Workspace workspace = workspaces.findById(workspaceId)
                    .orElseThrow(() -> new InvalidInputException("unknown workspace " + workspaceId));
            Organization org = organizations.findById(workspace.organizationId()).orElseThrow();
            List<String> admins = admins(members, workspace);
            if (admins.isEmpty()) {
                throw new IllegalStateException("workspace " + workspaceId + " has no admin to tell: add one with "
                        + "`scripts/wapi user add --org " + org.id() + " --workspace " + workspaceId + " --role admin`");
            }
            CampaignContent content = completion.content(org, workspace, parameter(chunk, BROADCAST));
            Map<String, Object> model = Map.of("c", content);
            ExecutionContext job = jobContext(chunk);
            job.putString("to", String.join(",", admins));
            job.putString("subject", subject(content));
            job.putString("html", templates.render("campaign.html.ftlh", model));
            job.putString("text", templates.render("campaign.txt.ftl", model));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    Step sendCampaignEmail(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CampaignEmailLedger ledger, Mailer mailer) {
        return new StepBuilder("sendCampaignEmail", jobRepository).tasklet((contribution, chunk) -> {
            String workspace = parameter(chunk, WORKSPACE);
            String broadcast = parameter(chunk, BROADCAST);
            ExecutionContext job = jobContext(chunk);
            String to = job.getString("to");
            SendOnce.Outcome outcome = SendOnce.send(new SendOnce.Entry(() -> ledger.state(workspace, broadcast),
                    messageId -> ledger.claim(workspace, broadcast, to, messageId),
                    (state, error) -> ledger.finish(workspace, broadcast, state, error)),
                    messageId(workspace, broadcast),
                    () -> mailer.send(messageId(workspace, broadcast), to, job.getString("subject"), job.getString("text"),
                            job.getString("html")),
                    HeldEmails.campaign(workspace, broadcast));
            if (outcome != SendOnce.Outcome.SENT) {
                contribution.setExitStatus(new ExitStatus(outcome.name()));
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The admins of the workspace and the organization-wide admins, each address once. */
    static List<String> admins(MemberRepository members, Workspace workspace) {
        return members.adminEmails(workspace);
    }

    /** Deterministic, so that a resend is recognisably the same email; ids outside [A-Za-z0-9._-] are hashed. */
    static String messageId(String workspace, String broadcast) {
        return "<campaign." + safe(workspace) + "." + safe(broadcast) + "@wapi-analytics>";
    }

    static String subject(CampaignContent content) {
        return (content.isComplete() ? "Campaign finished: " : "Campaign after 24 hours: ") + content.title() + " · "
                + content.funnel().targeted() + " targeted, " + content.funnel().deliveryPercent() + " delivered, "
                + content.funnel().failed() + " failed";
    }

    private static String safe(String id) {
        if (id.matches("[A-Za-z0-9_-]{1,64}")) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The workspace or broadcast, from the job context: broadcast ids may be too long for a job parameter. */
    private static String parameter(ChunkContext chunk, String name) {
        return jobContext(chunk).getString(name);
    }

    private static ExecutionContext jobContext(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }
}
