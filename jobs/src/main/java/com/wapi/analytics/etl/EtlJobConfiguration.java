package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.privacy.FactsProperties;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.meta.MetaWebhookParser;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The etl job: raw events with ids in (fromId, untilId] into ClickHouse facts, then the watermark moves to
 * untilId. The id range is the job's identity, so a failed run is restarted, not re-created, and resumes after
 * its last committed chunk. The etlReplay job re-reads the quarantined items whose cause may be gone.
 */
@Configuration(proxyBeanMethods = false)
class EtlJobConfiguration {

    static final String JOB = "etl";
    static final String REPLAY_JOB = "etlReplay";
    static final String FROM_ID = "fromId";
    static final String UNTIL_ID = "untilId";

    /** The steps that read and write events (the partitions, or the replay); the manager step only sums them. */
    static boolean isLoadingStep(String stepName) {
        return stepName.startsWith(PartitionStep.NAME) || stepName.equals("replayQuarantine");
    }

    /**
     * The steps whose counts are a run's totals: the manager step sums its partitions as the job repository has them,
     * which holds for partitions run in other processes too.
     */
    static boolean isTotalStep(String stepName) {
        return stepName.equals("loadFacts") || stepName.equals("replayQuarantine");
    }

    /** The codes of the rejections worth replaying, as SQL literals (from the enum, never from input). */
    private static final String REPLAYABLE_REASONS = Arrays.stream(Rejection.values()).filter(Rejection::replayable)
            .map(r -> "'" + r.code() + "'").collect(Collectors.joining(", "));

    @Bean
    Job etlJob(JobRepository jobRepository, Step loadFacts, Step advanceWatermark) {
        return new JobBuilder(JOB, jobRepository).start(loadFacts).next(advanceWatermark).build();
    }

    @Bean
    Job etlReplayJob(JobRepository jobRepository, Step replayQuarantine) {
        return new JobBuilder(REPLAY_JOB, jobRepository).start(replayQuarantine).build();
    }

    /**
     * Splits the id range into partitions loaded in parallel, by threads of this process or, with
     * {@code wapi.etl.workers=remote}, by etl-worker processes: each partition's step execution request goes to the
     * queue in Postgres ({@link StepRequests}) and the run polls the job repository until every partition is done.
     * A restart resumes only the unfinished partitions.
     */
    @Bean
    Step loadFacts(JobRepository jobRepository, EtlProperties properties, Step loadFactsPartition,
            Partitioner idRanges, ObjectProvider<QueueChannel> etlStepRequests) {
        if (properties.workers() == EtlProperties.Workers.REMOTE) {
            return new RemotePartitioningManagerStepBuilder("loadFacts", jobRepository)
                    .partitioner(PartitionStep.NAME, idRanges)
                    .gridSize(properties.partitions())
                    .outputChannel(etlStepRequests.getObject())
                    .pollInterval(properties.workerPoll().toMillis())
                    .build();
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("etl-");
        threads.setConcurrencyLimit(properties.partitions());
        return new StepBuilder("loadFacts", jobRepository)
                .partitioner(loadFactsPartition.getName(), idRanges)
                .step(loadFactsPartition)
                .gridSize(properties.partitions())
                .taskExecutor(threads)
                .build();
    }

    @Bean
    Step loadFactsPartition(JobRepository jobRepository, PartitionStep partitionStep) {
        return partitionStep.build(new StepBuilder(PartitionStep.NAME, jobRepository));
    }

    @Bean
    @StepScope
    Partitioner idRanges(@Value("#{jobParameters['" + FROM_ID + "']}") Long fromId,
            @Value("#{jobParameters['" + UNTIL_ID + "']}") Long untilId) {
        return new IdRangePartitioner(fromId, untilId);
    }

    /**
     * Spring Batch observes every item read and processed; at tens of thousands of events per second that costs a
     * fifth of the CPU. Jobs and steps stay observed.
     */
    @Bean
    ObservationPredicate noPerItemBatchObservations() {
        return (name, context) -> !(name.startsWith("spring.batch.item") || name.startsWith("spring.batch.chunk"));
    }

    @Bean
    EtlProgress etlProgress() {
        return new EtlProgress();
    }

    @Bean
    Step replayQuarantine(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            EtlProperties properties, JdbcPagingItemReader<RawEvent> quarantineReader,
            RawEventProcessor rawEventProcessor, ClickHouse clickHouse, JdbcTemplate postgres) {
        return new StepBuilder("replayQuarantine", jobRepository).<RawEvent, LoadedEvent>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(new ScopedReader<>(quarantineReader))
                .processor(rawEventProcessor)
                .writer(new FactWriter(clickHouse, postgres))
                .listener((StepExecutionListener) rawEventProcessor)
                .build();
    }

    @Bean
    Step advanceWatermark(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            EtlWatermark watermark) {
        return new StepBuilder("advanceWatermark", jobRepository).tasklet((contribution, context) -> {
            var params = context.getStepContext().getStepExecution().getJobExecution().getJobParameters();
            watermark.advance(params.getLong(FROM_ID), params.getLong(UNTIL_ID));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** Pages of a quarter chunk's bytes: a chunk's events and the rest of the page they came from stay small. */
    @Bean
    @StepScope
    RawEventReader rawEventReader(JdbcTemplate postgres, EtlProperties properties,
            @Value("#{stepExecutionContext['" + FROM_ID + "']}") Long fromId,
            @Value("#{stepExecutionContext['" + UNTIL_ID + "']}") Long untilId) {
        return new RawEventReader(postgres, fromId, untilId, properties.chunkSize(), properties.chunkBytes().toBytes() / 4);
    }

    /**
     * The raw events with open quarantine entries whose cause can go away (an unknown number or account), each with
     * the paths of those entries: only they are re-read. Permanent reasons (a malformed item) are never replayed.
     */
    @Bean
    @StepScope
    JdbcPagingItemReader<RawEvent> quarantineReader(DataSource dataSource, EtlProperties properties) throws Exception {
        return new JdbcPagingItemReaderBuilder<RawEvent>().name("quarantine").dataSource(dataSource)
                .selectClause("SELECT id, source, workspace_id, received_at, body, paths")
                .fromClause("""
                        FROM (SELECT r.id, r.source, r.workspace_id, r.received_at, r.body, q.paths
                                FROM (SELECT raw_event_id, array_agg(item_path) AS paths
                                        FROM quarantine
                                       WHERE replayed_at IS NULL AND reason IN (%s)
                                       GROUP BY raw_event_id) q
                                JOIN raw_events r ON r.id = q.raw_event_id) open_quarantine"""
                        .formatted(REPLAYABLE_REASONS))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper((rs, i) -> new RawEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBytes(5),
                        List.of((String[]) rs.getArray(6).getArray())))
                .pageSize(properties.chunkSize())
                .build();
    }

    @Bean
    RawEventProcessor rawEventProcessor(MetaWebhookParser metaParser, PlatformEventParser platformParser,
            PhoneNumberRepository phones, FactsProperties facts) {
        return new RawEventProcessor(metaParser, platformParser, phones, facts);
    }
}
