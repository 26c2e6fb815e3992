package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.ClickHouse;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chunk step that loads one partition (an id range), built on the builder of whoever runs it: a thread of the
 * run's own process ({@link EtlJobConfiguration}) or an etl-worker process ({@link EtlWorkerConfiguration}).
 */
@Component
class PartitionStep {

    static final String NAME = "loadFactsPartition";

    private final PlatformTransactionManager transactionManager;
    private final EtlProperties properties;
    private final RawEventReader rawEventReader;
    private final RawEventProcessor rawEventProcessor;
    private final ClickHouse clickHouse;
    private final JdbcTemplate postgres;
    private final EtlProgress progress;

    PartitionStep(PlatformTransactionManager transactionManager, EtlProperties properties, RawEventReader rawEventReader,
            RawEventProcessor rawEventProcessor, ClickHouse clickHouse, JdbcTemplate postgres, EtlProgress progress) {
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.rawEventReader = rawEventReader;
        this.rawEventProcessor = rawEventProcessor;
        this.clickHouse = clickHouse;
        this.postgres = postgres;
        this.progress = progress;
    }

    /**
     * Chunks end by events or by bytes ({@link ChunkBounds}). The chunk-oriented step of Spring Batch 6 ends a chunk
     * only by a count of items, so this step is built the way that takes a completion policy.
     */
    @SuppressWarnings("removal")
    Step build(StepBuilder builder) {
        ChunkBounds bounds = new ChunkBounds(properties.chunkSize(), properties.chunkBytes().toBytes());
        return builder.<RawEvent, LoadedEvent>chunk(bounds, transactionManager)
                .reader(new ScopedReader<>(rawEventReader))
                .processor(rawEventProcessor)
                .writer(new FactWriter(clickHouse, postgres))
                .listener((ItemReadListener<RawEvent>) bounds)
                .listener((ItemWriteListener<LoadedEvent>) progress)
                .listener((StepExecutionListener) progress)
                .listener((StepExecutionListener) rawEventProcessor)
                .build();
    }
}
