package com.wapi.analytics.bench;

import com.wapi.analytics.digest.DigestAssembler;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Setup;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Helpers of the benchmark scripts in scripts/; not part of the product's interface. */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark helpers used by scripts/bench-*.",
        subcommands = {BenchCommand.GenerateRaw.class, BenchCommand.LoadReceiver.class, BenchCommand.TimeReports.class,
                BenchCommand.Digest.class, AbuseCommand.class})
public class BenchCommand {

    @Command(name = "generate-raw", mixinStandardHelpOptions = true,
            description = "Set up bench workspaces and COPY realistic raw events into raw_events.")
    static class GenerateRaw implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--events", defaultValue = "2000000") long events;
        @Option(names = "--workspaces", defaultValue = "10") int workspaces;
        @Option(names = "--seed", defaultValue = "42") long seed;

        private final DataSource dataSource;
        private final Setup setup;

        GenerateRaw(DataSource dataSource, Setup setup) {
            this.dataSource = dataSource;
            this.setup = setup;
        }

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(RawBacklog.land(dataSource, setup, events, workspaces, seed));
            return 0;
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
            description = "Assemble and render (no SMTP) the owner digest of every organization for one day; time it.")
    static class Digest implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--date", required = true, description = "local day, YYYY-MM-DD") LocalDate date;
        @Option(names = "--threads", defaultValue = "4") int threads;

        private final OrganizationRepository organizations;
        private final DigestAssembler assembler;
        private final Templates templates;

        Digest(OrganizationRepository organizations,
                DigestAssembler assembler, Templates templates) {
            this.organizations = organizations;
            this.assembler = assembler;
            this.templates = templates;
        }

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            List<Organization> all = organizations.findAll();
            if (all.isEmpty()) {
                spec.commandLine().getErr().println("error: no organizations: run scripts/bench-digest, which sets them up");
                return 2;
            }
            DigestBench bench = new DigestBench(assembler, templates);
            // warm-up: class loading, template parsing, connection pools
            bench.run(all.subList(0, Math.min(10, all.size())), date, threads);
            DigestBench.Result r = bench.run(all, date, threads);
            out.printf("digests: %,d rendered (%,d empty days) in %.1f s = %.1f digests/s with %d threads%n", r.digests(),
                    r.empty(), r.seconds(), r.digests() / r.seconds(), threads);
            out.printf("figures: %,d targeted messages in all; %,d characters of HTML and text%n", r.targeted(), r.htmlBytes());
            out.printf("peak heap: %d MiB (max %d MiB)%n", r.peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            out.printf("RESULT digest %d digests in %.1f s = %.1f digests/s | peak heap %d MiB%n", r.digests(),
                    r.seconds(), r.digests() / r.seconds(), r.peakHeapBytes() >> 20);
            return 0;
        }
    }

    @Command(name = "load-receiver", mixinStandardHelpOptions = true,
            description = "POST signed Meta webhooks to a running receiver; check every 2xx landed; time a JDBC baseline.")
    static class LoadReceiver implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--url", required = true) String url;
        @Option(names = "--secret", required = true) String secret;
        @Option(names = "--seconds", defaultValue = "60", description = "measured seconds, after the warm-up") int seconds;
        @Option(names = "--warmup", defaultValue = "20",
                description = "seconds of load first, stored and checked but not measured, while the JIT compiles") int warmup;
        @Option(names = "--concurrency", defaultValue = "64",
                description = "keep-alive connections, each sending its next webhook once the last is answered") int concurrency;

        private final DataSource dataSource;

        LoadReceiver(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            String runKey = Long.toString(7_000_000_000L + (System.currentTimeMillis() % 1_000_000_000L));
            out.printf("load: %d connections for %d s, measured after %d s of warm-up, against %s (run %s)%n",
                    concurrency, seconds, warmup, url, runKey);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            ReceiverLoad load = new ReceiverLoad(url, secret, runKey);
            ReceiverLoad.Result r = load.run(concurrency, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds), line -> { out.println(line); out.flush(); });
            double rate = r.rate();
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            double loadSeconds = warmup + r.seconds();
            out.printf("load generator CPU during the load: %.1f s in %.1f s (%.0f%% of one core, %d cores)%n", cpu,
                    loadSeconds, 100 * cpu / loadSeconds, Runtime.getRuntime().availableProcessors());
            out.printf("accepted after the warm-up: %,d in %.1f s = %,.0f/s; errors over the whole load (non-2xx or no answer): %,d%n",
                    r.measuredOk(), r.seconds(), rate, r.errors());
            out.printf("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ReceiverLoad.percentile(r.latenciesMicros(), 0.50) / 1000.0,
                    ReceiverLoad.percentile(r.latenciesMicros(), 0.99) / 1000.0, ReceiverLoad.percentile(r.latenciesMicros(), 1.0) / 1000.0);

            Set<String> stored = new HashSet<>();
            try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(
                    "SELECT encode(sha256(body), 'hex') FROM raw_events WHERE route_key = ?")) {
                st.setString(1, runKey);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
            Set<String> accepted = load.acceptedHashes(r);
            long missing = accepted.stream().filter(h -> !stored.contains(h)).count();
            out.printf("durability: %,d answered 2xx, %,d rows in raw_events, %,d answered 2xx but missing%n",
                    accepted.size(), stored.size(), missing);

            long n = Math.max(10_000, r.measuredOk());
            String baselineKey = runKey + "b";
            StatusBodies bodies = new StatusBodies(baselineKey, new Random(1));
            long t0 = System.nanoTime();
            try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(
                    "INSERT INTO raw_events (source, route_key, body) VALUES ('meta', ?, ?)")) {
                c.setAutoCommit(false);
                for (long i = 0; i < n; i++) {
                    st.setString(1, baselineKey);
                    st.setBytes(2, bodies.body(i));
                    st.addBatch();
                    if (i % 1000 == 999) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
                c.commit();
            }
            double baseline = n / ((System.nanoTime() - t0) / 1e9);
            out.printf("baseline (one JDBC batch loop, no HTTP, no signature, no dedup): %,.0f rows/s%n", baseline);
            out.printf("RESULT receiver %,.0f accepted/s | p99 %.1f ms | baseline %,.0f rows/s | receiver/baseline = %.2f | missing %d%n",
                    rate, ReceiverLoad.percentile(r.latenciesMicros(), 0.99) / 1000.0, baseline, rate / baseline, missing);
            return missing == 0 ? 0 : 1;
        }
    }

    @Command(name = "reports", mixinStandardHelpOptions = true,
            description = "Time every report for one workspace (median of N runs), and the delivery report from raw JSON.")
    static class TimeReports implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--workspace", required = true) String workspace;
        @Option(names = "--from", required = true) LocalDate from;
        @Option(names = "--to", required = true) LocalDate to;
        @Option(names = "--runs", defaultValue = "20") int runs;
        @Option(names = "--raw-workspace", description = "a workspace whose raw_events JSON to report on") String rawWorkspace;
        @Option(names = "--raw-phone", description = "its phone_number_id") String rawPhone;
        @Option(names = "--raw-runs", defaultValue = "3") int rawRuns;

        private final Reports reports;
        private final JdbcClient postgres;

        TimeReports(Reports reports, JdbcClient postgres) {
            this.reports = reports;
            this.postgres = postgres;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            double slowest = 0;
            double delivery = 0;
            for (ReportTimings.Timing t : ReportTimings.reports(reports, workspace, from, to, runs)) {
                ReportTimings.print(out, t);
                slowest = Math.max(slowest, t.medianMs());
                delivery = t.name().equals("delivery") ? t.medianMs() : delivery;
            }
            out.printf("slowest report median: %.1f ms%n", slowest);
            if (rawWorkspace != null) {
                ReportTimings.Timing raw = ReportTimings.raw(postgres, rawWorkspace, rawPhone, from, to, rawRuns);
                ReportTimings.print(out, raw);
                out.printf("delivery: raw JSON / product = %.0fx%n", raw.medianMs() / delivery);
            }
            out.flush();
            return 0;
        }
    }
}
