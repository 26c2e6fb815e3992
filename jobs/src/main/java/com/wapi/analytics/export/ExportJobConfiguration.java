package com.wapi.analytics.export;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The scheduled export job, one instance per (subscription, period start): a failed run is restarted, not
 * re-created; the export ledger makes sure the period is mailed once.
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
    Step mailExport(JobRepository jobRepository, PlatformTransactionManager transactionManager, ExportMailing mailing) {
        return new StepBuilder("mailExport", jobRepository).tasklet((contribution, chunk) -> {
            Map<String, Object> params = chunk.getStepContext().getJobParameters();
            long subscription = Long.parseLong(params.get(SUBSCRIPTION).toString());
            ExportSubscription.Period period = new ExportSubscription.Period(
                    LocalDate.parse(params.get(PERIOD_START).toString()), LocalDate.parse(params.get(PERIOD_END).toString()));
            contribution.setExitStatus(new ExitStatus(mailing.mail(subscription, period)));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
