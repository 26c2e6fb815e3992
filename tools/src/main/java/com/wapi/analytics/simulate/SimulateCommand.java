package com.wapi.analytics.simulate;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Setup;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Realistic traffic through a running receiver: three organizations (Asia/Kolkata, America/New_York,",
                "Europe/Berlin) with broadcasts and Meta's failure mix, Smart Retry, flows, agent conversations, link clicks,",
                "conversions and a template dropping to RED, as signed Meta webhooks and authenticated platform events,",
                "out of order and with duplicates. Seeded: the same seed sends the same traffic. Sets up what is missing."},
        footer = {"", "Example: scripts/wapi simulate --url http://127.0.0.1:8080 --days 2026-11-24,2026-11-25 --truth truth.json"})
public class SimulateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--url", required = true, description = "the receiver (scripts/wapi serve)") URI url;
    @Option(names = "--days", required = true, split = ",", paramLabel = "YYYY-MM-DD", description = "local days to simulate")
    List<LocalDate> days;
    @Option(names = "--seed", defaultValue = "7") long seed;
    @Option(names = "--scale", defaultValue = "10", description = "1: tens of recipients per broadcast; 10 (default): hundreds")
    int scale;
    @Option(names = "--truth", paramLabel = "FILE", description = "write what the traffic should report (JSON)") Path truth;
    @Option(names = "--app-secret", description = "the receiver's WAPI_META_APP_SECRET (default: this process's)")
    String appSecret;

    private final Setup setup;
    private final OrganizationRepository organizations;
    private final String configuredSecret;

    public SimulateCommand(Setup setup, OrganizationRepository organizations,
            @Value("${wapi.meta.app-secret:}") String configuredSecret) {
        this.setup = setup;
        this.organizations = organizations;
        this.configuredSecret = configuredSecret;
    }

    @Override
    public Integer call() throws Exception {
        String secret = appSecret != null ? appSecret : configuredSecret;
        if (secret.isBlank()) {
            throw new InvalidInputException("no app secret: set WAPI_META_APP_SECRET (the receiver's) or pass --app-secret");
        }
        if (scale < 1 || scale > 100) {
            throw new InvalidInputException("--scale is 1 to 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> tokens = SimulatedWorld.setUp(setup, organizations,
                days.stream().min(LocalDate::compareTo).orElseThrow());
        TrafficPlan plan = new TrafficPlan(seed, scale).generate(days);
        List<TrafficPlan.Send> sends = plan.sends();
        long start = System.nanoTime();
        TrafficSender.Sent sent = new TrafficSender(url, secret, tokens, seed).send(sends);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("simulated %s for %d organizations: %,d webhooks and %,d platform events in %,d requests (%.1f s)%n",
                days, SimulatedWorld.ORGS.size(), sent.webhooks(), sent.platformEvents(), sent.requests(), seconds);
        if (truth != null) {
            Files.writeString(truth, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(plan.truth()));
            out.println("ground truth: " + truth);
        }
        return ExitCodes.OK;
    }
}
