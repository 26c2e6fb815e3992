package com.wapi.analytics.digest;

import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.mail.SendRenderedEmailTasklet;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.OrganizationRepository;
import java.time.LocalDate;
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
            RenderDigestTasklet renderDigestTasklet) {
        return new StepBuilder("renderDigest", jobRepository).tasklet(renderDigestTasklet, transactionManager).build();
    }

    @Bean
    Step sendDigest(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SendRenderedEmailTasklet sendDigestTasklet) {
        return new StepBuilder("sendDigest", jobRepository).tasklet(sendDigestTasklet, transactionManager).build();
    }

    @Bean
    RenderDigestTasklet renderDigestTasklet(OrganizationRepository organizations, DigestAssembler assembler,
            Templates templates) {
        return new RenderDigestTasklet(organizations, assembler, templates);
    }

    @Bean
    SendRenderedEmailTasklet sendDigestTasklet(SendOnce sendOnce, Mailer mailer) {
        return new SendRenderedEmailTasklet(sendOnce, mailer, DigestJobConfiguration::email);
    }

    static SendOnce.Email email(ChunkContext chunk) {
        var params = chunk.getStepContext().getJobParameters();
        return HeldEmails.digest(params.get(ORGANIZATION).toString(), LocalDate.parse(params.get(DATE).toString()));
    }
}
