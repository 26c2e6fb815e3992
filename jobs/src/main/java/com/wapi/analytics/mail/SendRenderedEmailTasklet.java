package com.wapi.analytics.mail;

import java.util.function.Function;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of an email job: sends the {@link RenderedEmail} of the job's context once (see {@link SendOnce}), or
 * records it as skipped. The step's exit code is COMPLETED when it was sent, else the {@link SendOnce.Outcome} or
 * SKIPPED.
 */
public class SendRenderedEmailTasklet implements Tasklet {

    private final SendOnce sendOnce;
    private final Mailer mailer;
    private final Function<ChunkContext, SendOnce.Email> email;

    /** @param email which email the job instance sends, from its parameters or context */
    public SendRenderedEmailTasklet(SendOnce sendOnce, Mailer mailer, Function<ChunkContext, SendOnce.Email> email) {
        this.sendOnce = sendOnce;
        this.mailer = mailer;
        this.email = email;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        SendOnce.Email email = this.email.apply(chunk);
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        String skipped = RenderedEmail.skipReason(job);
        if (skipped != null) {
            sendOnce.skip(email, skipped);
            contribution.setExitStatus(new ExitStatus("SKIPPED", skipped));
            return RepeatStatus.FINISHED;
        }
        RenderedEmail rendered = RenderedEmail.from(job);
        SendOnce.Outcome outcome = sendOnce.send(email, rendered.to(), null, () -> mailer.send(email.messageId(),
                rendered.to(), rendered.subject(), rendered.text(), rendered.html()));
        if (outcome != SendOnce.Outcome.SENT) {
            contribution.setExitStatus(new ExitStatus(outcome.name()));
        }
        return RepeatStatus.FINISHED;
    }
}
