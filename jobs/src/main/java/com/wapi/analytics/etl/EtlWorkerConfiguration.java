package com.wapi.analytics.etl;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.scheduling.PollerMetadata;

/**
 * The context of one etl-worker process, a child of the application's: Spring Batch's remote partitioning worker
 * takes one step execution request at a time from {@link StepRequests}' queue and runs the partition step on it.
 * Not a {@code @Configuration}, so only {@link EtlWorkerCommand} creates it and no other process polls the queue.
 */
@EnableIntegration
class EtlWorkerConfiguration {

    /** One request per poll: the partition runs on the polling thread, so a worker loads one partition at a time. */
    @Bean(PollerMetadata.DEFAULT_POLLER)
    PollerMetadata poller(EtlProperties properties) {
        return Pollers.fixedDelay(properties.workerPoll()).maxMessagesPerPoll(1).getObject();
    }

    /** Named as the step the requests name, so Spring Batch's step locator finds this one in the worker. */
    @Bean(PartitionStep.NAME)
    Step workerPartitionStep(JobRepository jobRepository, PartitionStep partitionStep, QueueChannel etlStepRequests,
            BeanFactory beanFactory, @Qualifier("etlWorkerName") String workerName) {
        return partitionStep.build(new RemotePartitioningWorkerStepBuilder(PartitionStep.NAME, jobRepository)
                .inputChannel(etlStepRequests)
                .beanFactory(beanFactory)
                .listener(new WorkerLog(workerName)));
    }
}
