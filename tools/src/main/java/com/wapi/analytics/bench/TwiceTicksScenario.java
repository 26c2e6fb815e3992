package com.wapi.analytics.bench;

import com.wapi.analytics.campaign.CampaignTick;
import com.wapi.analytics.digest.DigestTick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The digest and campaign ticks run twice at the same moment (two schedulers, or a retry on top of a slow run);
 * the mail catcher's folder must then hold each email once.
 */
final class TwiceTicksScenario implements AbuseScenario {

    private final DigestTick digests;
    private final CampaignTick campaigns;
    private final Path mailDir;

    TwiceTicksScenario(DigestTick digests, CampaignTick campaigns, Path mailDir) {
        this.digests = digests;
        this.campaigns = campaigns;
        this.mailDir = mailDir;
    }

    @Override
    public String name() {
        return "ticks-twice";
    }

    @Override
    public Outcome run(AbuseTarget target) throws Exception {
        Outcome outcome = new Outcome();
        // the first day an organization can have a digest for is the day it was created: today
        Instant now = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 5).toInstant(ZoneOffset.UTC);
        CompletableFuture<?>[] ticks = Stream.of(1, 2).map(i -> CompletableFuture.runAsync(() -> {
            try {
                digests.tick(now);
                campaigns.tick(now);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(ticks).exceptionally(e -> null).join();
        Thread.sleep(2000); // the catcher writes what it received every 200 ms
        Map<String, Long> perRecipient;
        try (Stream<Path> files = Files.list(mailDir)) {
            perRecipient = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".eml"))
                    .collect(Collectors.groupingBy(f -> f.substring(4), Collectors.counting()));
        }
        outcome.emailsTwice = perRecipient.values().stream().mapToLong(n -> n - 1).sum();
        outcome.requests += 2;
        outcome.tried("digest and campaign ticks twice at once for " + now + ": emails per recipient " + perRecipient);
        for (CompletableFuture<?> tick : ticks) {
            outcome.problemIf(tick.isCompletedExceptionally(), "a tick failed: " + tick.handle((v, e) -> e).join());
        }
        outcome.problemIf(perRecipient.isEmpty(), "no email was sent: the scenario proved nothing");
        return outcome;
    }
}
