package com.wapi.analytics.etl;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "etl-worker", mixinStandardHelpOptions = true,
        description = {"Load etl partitions sent by runs with wapi.etl.workers=remote, one at a time, until stopped.",
                "Takes each partition's request from the queue in Postgres and loads it with the same step as a local "
                        + "run; progress goes to the log. Start as many as you like, on any machine that reaches "
                        + "Postgres and ClickHouse.",
                "A worker stopped or killed mid-partition leaves it STARTED: the run waits for it; stop that run and "
                        + "run `scripts/wapi etl` again, which resumes the partition after its last committed chunk."})
public class EtlWorkerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger("etl.worker");

    @Option(names = "--name", description = "this worker's name in its log and in the job repository "
            + "(step execution context key `worker`); default pid@host")
    String name;

    private final ApplicationContext application;
    private final EtlProperties properties;

    public EtlWorkerCommand(ApplicationContext application, EtlProperties properties) {
        this.application = application;
        this.properties = properties;
    }

    @Override
    public Integer call() throws InterruptedException {
        String worker = name != null ? name : ManagementFactory.getRuntimeMXBean().getName();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setParent(application);
        context.getBeanFactory().registerSingleton("etlWorkerName", worker);
        context.register(EtlWorkerConfiguration.class);
        context.refresh();
        context.start();
        log.info("{}: waiting for etl partitions (polling every {} ms)", worker, properties.workerPoll().toMillis());
        new CountDownLatch(1).await();
        return 0;
    }
}
