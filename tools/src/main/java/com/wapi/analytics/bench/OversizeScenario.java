package com.wapi.analytics.bench;

import java.util.Arrays;

/** Signed webhooks and token-bearing event bodies over the size limits, sent whole: 413, nothing stored. */
final class OversizeScenario implements AbuseScenario {

    @Override
    public String name() {
        return "oversize-bodies";
    }

    @Override
    public Outcome run(AbuseTarget target) {
        Outcome outcome = new Outcome();
        byte[] webhook = new byte[5 << 20];
        Arrays.fill(webhook, (byte) ' ');
        webhook[0] = '{';
        webhook[webhook.length - 1] = '}';
        String events = AbuseTarget.event("ev-" + target.runKey + "-oversize", target.good.workspace()) + "\n"
                + " ".repeat(11 << 20);
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            refused += refused(target.webhook(webhook, target.sign(webhook)));
            refused += refused(target.events(target.good, events));
        }
        outcome.requests += 8;
        outcome.tried("4 signed 5 MiB webhooks and 4 events bodies of 11 MiB: " + refused
                + " refused (413, or the connection closed before the rest of the body was taken)");
        outcome.problemIf(refused < 8, (8 - refused) + " oversize bodies were not refused with 413");
        return outcome;
    }

    private static int refused(AbuseTarget.Answer answer) {
        return answer.status() == 413 || answer.status() == -1 ? 1 : 0;
    }
}
