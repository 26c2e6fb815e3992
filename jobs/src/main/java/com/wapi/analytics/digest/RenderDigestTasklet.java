package com.wapi.analytics.digest;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.mail.RenderedEmail;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders the digest of the job's organization and date into the job's context, or marks it skipped when the day
 * had no traffic and the organization's empty-day mode is skip.
 */
class RenderDigestTasklet implements Tasklet {

    private final OrganizationRepository organizations;
    private final DigestAssembler assembler;
    private final Templates templates;

    RenderDigestTasklet(OrganizationRepository organizations, DigestAssembler assembler, Templates templates) {
        this.organizations = organizations;
        this.assembler = assembler;
        this.templates = templates;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        Map<String, Object> params = chunk.getStepContext().getJobParameters();
        String id = params.get(DigestJobConfiguration.ORGANIZATION).toString();
        Organization org = organizations.findById(id).orElseThrow(() -> new InvalidInputException("unknown organization " + id));
        DigestContent content = assembler.assemble(org, LocalDate.parse(params.get(DigestJobConfiguration.DATE).toString()));
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        if (content.isEmpty() && org.emptyDayMode() == Organization.EmptyDayMode.skip) {
            RenderedEmail.skip(job, "nothing was sent that day; empty-day mode is skip");
            return RepeatStatus.FINISHED;
        }
        DigestEmail email = DigestEmail.render(content, templates,
                Boolean.parseBoolean(String.valueOf(params.get(DigestJobConfiguration.LATE))));
        new RenderedEmail(org.ownerEmail(), email.subject(), email.text(), email.html()).putInto(job);
        return RepeatStatus.FINISHED;
    }
}
