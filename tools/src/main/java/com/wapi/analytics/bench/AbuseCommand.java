package com.wapi.analytics.bench;

import com.wapi.analytics.campaign.CampaignTick;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.digest.DigestTick;
import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The scenarios of scripts/abuse against a running serve, and its RESULT line. */
@Command(name = "abuse", mixinStandardHelpOptions = true,
        description = "Hostile and faulty inputs against a running receiver; exits 1 when a promise is broken.")
class AbuseCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--url", required = true, description = "the receiver, e.g. http://127.0.0.1:8080") URI url;
    @Option(names = "--secret", required = true, description = "its WAPI_META_APP_SECRET") String secret;
    @Option(names = "--serve-pid", required = true, description = "its process id, for jcmd") long servePid;
    @Option(names = "--mail-dir", description = "folder of the mail catcher the ticks send to") Path mailDir;
    @Option(names = "--postgres-stop", description = "shell command that stops Postgres abruptly") String postgresStop;
    @Option(names = "--postgres-start", description = "shell command that starts it again") String postgresStart;
    @Option(names = "--slow-sockets", defaultValue = "250") int slowSockets;
    @Option(names = "--slow-every", defaultValue = "50", description = "seconds between a slow client's bytes") int slowEvery;
    @Option(names = "--slow-seconds", defaultValue = "60") int slowSeconds;
    @Option(names = "--scenarios", split = ",", description = "run only these (names as printed)") List<String> only;

    private final Setup setup;
    private final JdbcClient postgres;
    private final EtlRunner etl;
    private final ClickHouse clickHouse;
    private final DigestTick digests;
    private final CampaignTick campaigns;

    AbuseCommand(Setup setup, JdbcClient postgres, EtlRunner etl, ClickHouse clickHouse, DigestTick digests,
            CampaignTick campaigns) {
        this.setup = setup;
        this.postgres = postgres;
        this.etl = etl;
        this.clickHouse = clickHouse;
        this.digests = digests;
        this.campaigns = campaigns;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String runKey = Long.toString(System.currentTimeMillis() % 1_000_000_000L);
        AbuseTarget target = new AbuseTarget(url, secret, servePid, postgres, runKey, tenant("good", "106540352000001"),
                tenant("poison", "106540352000002"));
        target.probe(); // every path once, so that the heap figures compare a warm receiver with itself
        long heapStart = target.heapAfterGc();
        Probes baseline = new Probes(target, Duration.ofMillis(500));
        Thread.sleep(5000);
        baseline.close();
        out.println("baseline, nothing else going on: " + baseline.tallies());
        long requests = 0;
        long delayed = 0;
        long twice = 0;
        long heapPeak = 0;
        List<String> problems = new ArrayList<>();
        List<AbuseScenario> scenarios = scenarios();
        for (AbuseScenario scenario : scenarios) {
            out.printf("== %s%n", scenario.name());
            out.flush();
            AbuseScenario.Outcome o = scenario.run(target);
            o.lines.forEach(out::println);
            o.problems.forEach(p -> out.println("  PROBLEM " + p));
            out.flush();
            requests += o.requests;
            delayed += o.delayedFacts;
            twice += o.emailsTwice;
            heapPeak = Math.max(heapPeak, o.heapGrowthBytes);
            o.problems.forEach(p -> problems.add(scenario.name() + ": " + p));
        }
        long lost = target.lost();
        long heapGrowth = Math.max(heapPeak, target.heapAfterGc() - heapStart);
        out.printf("durability: %d requests answered 2xx, %d of them not in raw_events%n", target.accepted(), lost);
        out.printf("RESULT abuse scenarios %d | requests %d | answered 2xx but lost %d | other tenants' facts delayed %d"
                + " | emails sent twice %d | heap growth %d MiB | problems %d%n", scenarios.size(), requests, lost,
                delayed, twice, heapGrowth >> 20, problems.size());
        out.flush();
        return lost == 0 && delayed == 0 && twice == 0 && heapGrowth < 64L << 20 && problems.isEmpty() ? 0 : 1;
    }

    private List<AbuseScenario> scenarios() {
        List<AbuseScenario> all = new ArrayList<>(List.of(
                new SlowLorisScenario(slowSockets, Duration.ofSeconds(slowEvery), Duration.ofSeconds(slowSeconds)),
                new LyingLengthScenario(50), new OversizeScenario(),
                new BadSignatureScenario(8, Duration.ofSeconds(10))));
        if (postgresStop != null && postgresStart != null) {
            all.add(new PostgresOutageScenario(postgresStop, postgresStart, Duration.ofSeconds(5)));
        }
        all.add(new CrossTenantScenario(etl, clickHouse, 200));
        if (mailDir != null) {
            all.add(new TwiceTicksScenario(digests, campaigns, mailDir));
        }
        return all.stream().filter(s -> only == null || only.contains(s.name())).toList();
    }

    private AbuseTarget.Tenant tenant(String name, String phone) {
        String org = "abuse-" + name;
        setup.createOrganization(org, "Abuse " + name, "UTC", "owner@" + name + ".abuse.test", true,
                Organization.EmptyDayMode.send);
        setup.createWorkspace(org + "-ws", org, name);
        setup.addPhoneNumber(org + "-ws", phone, name.equals("good") ? "102290129340001" : "102290129340002", null);
        return new AbuseTarget.Tenant(org, org + "-ws", phone,
                setup.createToken(org + "-ws", null, ApiToken.Kind.ingest).secret(),
                setup.createToken(org + "-ws", null, ApiToken.Kind.read).secret());
    }
}
