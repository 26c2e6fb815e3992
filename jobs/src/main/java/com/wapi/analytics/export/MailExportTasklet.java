package com.wapi.analytics.export;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Mails the job's subscription period (see {@link ExportMailing}); the step's exit code is the outcome. */
class MailExportTasklet implements Tasklet {

    private final ExportMailing mailing;

    MailExportTasklet(ExportMailing mailing) {
        this.mailing = mailing;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        Map<String, Object> params = chunk.getStepContext().getJobParameters();
        long subscription = Long.parseLong(params.get(ExportJobConfiguration.SUBSCRIPTION).toString());
        ExportSubscription.Period period = new ExportSubscription.Period(
                LocalDate.parse(params.get(ExportJobConfiguration.PERIOD_START).toString()),
                LocalDate.parse(params.get(ExportJobConfiguration.PERIOD_END).toString()));
        contribution.setExitStatus(new ExitStatus(mailing.mail(subscription, period)));
        return RepeatStatus.FINISHED;
    }
}
