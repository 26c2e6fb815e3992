package com.wapi.analytics.etl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Marks each partition an etl-worker runs with the worker's name (key {@value #KEY} of the step execution's context,
 * in the job repository) and logs its start and end.
 */
class WorkerLog implements StepExecutionListener {

    static final String KEY = "worker";
    private static final Logger log = LoggerFactory.getLogger("etl.worker");

    private final String worker;

    WorkerLog(String worker) {
        this.worker = worker;
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (!step.getJobExecution().getStatus().isRunning()) {
            // a request left in the queue by a run that was since recovered: its restart sent a new one
            throw new IllegalStateException("step execution " + step.getId() + " belongs to job execution "
                    + step.getJobExecutionId() + ", which is " + step.getJobExecution().getStatus());
        }
        step.getExecutionContext().putString(KEY, worker);
        log.info("{}: {} (step execution {}, raw events {}..{}) started", worker, step.getStepName(), step.getId(),
                step.getExecutionContext().getLong(EtlJobConfiguration.FROM_ID) + 1,
                step.getExecutionContext().getLong(EtlJobConfiguration.UNTIL_ID));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        log.info("{}: {} (step execution {}) {}: {} read, {} loaded", worker, step.getStepName(), step.getId(),
                step.getStatus(), step.getReadCount(), step.getWriteCount());
        return null;
    }
}
