package com.wapi.analytics.etl;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

/**
 * The channel between an etl run with {@code wapi.etl.workers=remote} and the etl-worker processes: a queue of
 * Spring Batch's step execution requests kept in Postgres (table int_channel_message), the database of the job
 * repository, so no broker is needed. A request waits there until a worker takes it; the run learns the outcome
 * from the job repository.
 */
@Configuration(proxyBeanMethods = false)
class StepRequests {

    private static final String GROUP = "etl-step-requests";

    /** Lazy: only remote runs and workers use it. No table check at start: `serve` starts while Postgres is down. */
    @Bean
    @Lazy
    JdbcChannelMessageStore etlStepRequestStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setCheckDatabaseOnStart(false);
        return store;
    }

    @Bean
    @Lazy
    QueueChannel etlStepRequests(JdbcChannelMessageStore etlStepRequestStore) {
        return new QueueChannel(new MessageGroupQueue(etlStepRequestStore, GROUP));
    }
}
