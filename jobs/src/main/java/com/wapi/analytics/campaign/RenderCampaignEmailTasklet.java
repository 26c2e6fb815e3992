package com.wapi.analytics.campaign;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.mail.RenderedEmail;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the completion email of the job's broadcast, for its workspace's admins, into the job's context. */
class RenderCampaignEmailTasklet implements Tasklet {

    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final CampaignCompletion completion;
    private final Templates templates;

    RenderCampaignEmailTasklet(WorkspaceRepository workspaces, OrganizationRepository organizations,
            MemberRepository members, CampaignCompletion completion, Templates templates) {
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.members = members;
        this.completion = completion;
        this.templates = templates;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        String workspaceId = CampaignEmailJobConfiguration.context(chunk, CampaignEmailJobConfiguration.WORKSPACE);
        Workspace workspace = workspaces.findById(workspaceId)
                .orElseThrow(() -> new InvalidInputException("unknown workspace " + workspaceId));
        Organization org = organizations.findById(workspace.organizationId()).orElseThrow();
        List<String> admins = CampaignEmailJobConfiguration.admins(members, workspace);
        if (admins.isEmpty()) {
            throw new IllegalStateException("workspace " + workspaceId + " has no admin to tell: add one with "
                    + "`scripts/wapi user add --org " + org.id() + " --workspace " + workspaceId + " --role admin`");
        }
        CampaignContent content = completion.content(org, workspace,
                CampaignEmailJobConfiguration.context(chunk, CampaignEmailJobConfiguration.BROADCAST));
        Map<String, Object> model = Map.of("c", content);
        new RenderedEmail(String.join(",", admins), subject(content), templates.render("campaign.txt.ftl", model),
                templates.render("campaign.html.ftlh", model)).putInto(chunk.getStepContext().getStepExecution()
                        .getJobExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }

    static String subject(CampaignContent content) {
        return (content.isComplete() ? "Campaign finished: " : "Campaign after 24 hours: ") + content.title() + " · "
                + content.funnel().targeted() + " targeted, " + content.funnel().deliveryPercent() + " delivered, "
                + content.funnel().failed() + " failed";
    }
}
