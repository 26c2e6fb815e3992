package com.wapi.analytics.export;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The scheduled export job, one instance per (subscription, period start): a failed run is restarted, not
 * re-created; the send ledger makes sure the period is mailed once.
 */
@Configuration(proxyBeanMethods = false)
class ExportJobConfiguration {

    static final String JOB = "scheduledExport";
    static final String SUBSCRIPTION = "subscription";
    static final String PERIOD_START = "periodStart";
    static final String PERIOD_END = "periodEnd";

    @Bean
    Job scheduledExportJob(JobRepository jobRepository, Step mailExport) {
        return new JobBuilder(JOB, jobRepository).start(mailExport).build();
    }

    @Bean
    Step mailExport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            MailExportTasklet mailExportTasklet) {
        return new StepBuilder("mailExport", jobRepository).tasklet(mailExportTasklet, transactionManager).build();
    }

    @Bean
    MailExportTasklet mailExportTasklet(ExportMailing mailing) {
        return new MailExportTasklet(mailing);
    }
}
