package com.wapi.analytics.digest;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import java.time.LocalDate;
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
 * The digest job, one instance per (organization, date): renderDigest renders the email into the job's context;
 * sendDigest claims the day in the send ledger, hands the email to SMTP and confirms. A restart after an SMTP
 * failure sends exactly what was rendered.
 */
@Configuration(proxyBeanMethods = false)
class DigestJobConfiguration {

    static final String JOB = "digest";
    static final String ORGANIZATION = "organization";
    static final String DATE = "date";
    static final String LATE = "late";

    @Bean
    Job digestJob(JobRepository jobRepository, Step renderDigest, Step sendDigest) {
        return new JobBuilder(JOB, jobRepository).start(renderDigest).next(sendDigest).build();
    }

    @Bean
    Step renderDigest(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            OrganizationRepository organizations, DigestAssembler assembler, Templates templates) {
        return new StepBuilder("renderDigest", jobRepository).tasklet((contribution, chunk) -> {
            Organization org = organization(chunk, organizations);
            LocalDate date = date(chunk);
            DigestContent content = assembler.assemble(org, date);
            ExecutionContext job = jobContext(chunk);
            if (content.isEmpty() && org.emptyDayMode() == Organization.EmptyDayMode.skip) {
                job.putString("skip", "empty day");
                return RepeatStatus.FINISHED;
            }
            DigestEmail email = DigestEmail.render(content, templates,
                    Boolean.parseBoolean(String.valueOf(chunk.getStepContext().getJobParameters().get(LATE))));
            job.putString("to", org.ownerEmail());
            job.putString("subject", email.subject());
            job.putString("html", email.html());
            job.putString("text", email.text());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    Step sendDigest(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DigestLedger ledger, Mailer mailer) {
        return new StepBuilder("sendDigest", jobRepository).tasklet((contribution, chunk) -> {
            String org = chunk.getStepContext().getJobParameters().get(ORGANIZATION).toString();
            LocalDate date = date(chunk);
            ExecutionContext job = jobContext(chunk);
            if (job.containsKey("skip")) {
                ledger.markSkipped(org, date);
                contribution.setExitStatus(new ExitStatus("SKIPPED", "nothing was sent that day; empty-day mode is skip"));
                return RepeatStatus.FINISHED;
            }
            String to = job.getString("to");
            SendOnce.Outcome outcome = SendOnce.send(new SendOnce.Entry(() -> ledger.state(org, date),
                    messageId -> ledger.claim(org, date, to, messageId), (state, error) -> ledger.finish(org, date, state, error)),
                    messageId(org, date),
                    () -> mailer.send(messageId(org, date), to, job.getString("subject"), job.getString("text"), job.getString("html")),
                    HeldEmails.digest(org, date));
            if (outcome != SendOnce.Outcome.SENT) {
                contribution.setExitStatus(new ExitStatus(outcome.name()));
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    static String messageId(String org, LocalDate date) {
        return "<digest." + org + "." + date + "@wapi-analytics>";
    }

    private static Organization organization(ChunkContext chunk, OrganizationRepository organizations) {
        String id = chunk.getStepContext().getJobParameters().get(ORGANIZATION).toString();
        return organizations.findById(id).orElseThrow(() -> new InvalidInputException("unknown organization " + id));
    }

    private static LocalDate date(ChunkContext chunk) {
        return LocalDate.parse(chunk.getStepContext().getJobParameters().get(DATE).toString());
    }

    private static ExecutionContext jobContext(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }
}
