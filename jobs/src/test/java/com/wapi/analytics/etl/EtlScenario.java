package com.wapi.analytics.etl;

import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.simulate.MetaPayloads.Error;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A broadcast worked out by hand: 25 targeted (23 sent, 2 refused), 19 delivered, 12 read, 4 failed, with the
 * disorder Meta produces, plus events that belong in the quarantine.
 *
 * <ul>
 * <li>w01-w15 delivered, w01-w10 read; w16 read before delivered; w17 read without delivered;
 *     w18 delivered twice; w19 delivered, then a failed status (stays delivered)</li>
 * <li>w20 and w21 failed after sent (131049, 131026); w22 and w23 only sent, w23's status arriving before its
 *     message.sent</li>
 * <li>c24 and c25 refused by the send API (131009, 130429)</li>
 * </ul>
 */
public final class EtlScenario {

    public static final String ORG = "acme";
    public static final String WORKSPACE = "acme-sales";
    public static final String PHONE = "106540352242922";
    public static final String WABA = "102290129340398";
    static final String UNKNOWN_PHONE = "999000111";
    public static final String BROADCAST = "bc_summer";
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static final int QUARANTINED = 4;
    /** Raw events whose only fact repeats an earlier one (w18 delivered, twice). */
    static final int DUPLICATE_FACTS = 1;

    private EtlScenario() {
    }

    public static void setUp(Setup setup) {
        setup.createOrganization(ORG, "Acme", "Asia/Kolkata", "owner@acme.test", true,
                com.wapi.analytics.tenancy.Organization.EmptyDayMode.send);
        setup.createWorkspace(WORKSPACE, ORG, "Sales");
        setup.addPhoneNumber(WORKSPACE, PHONE, WABA, "15550783881");
    }

    public static String wamid(int n) {
        return String.format("wamid.W%02d", n);
    }

    public static String contact(int n) {
        return String.format("91987654%04d", n);
    }

    /** Lands every raw event of the scenario; returns how many. */
    public static int land(RawEventsFixture raw) {
        PlatformEvents events = new PlatformEvents(WORKSPACE);
        int count = 0;
        raw.platform(WORKSPACE, events.broadcastCreated("e-bc", T0, BROADCAST, "Summer sale", "summer_sale", 25));
        count++;
        // w23's status arrives before its message.sent
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(23, "sent", 60)));
        count++;
        for (int n = 1; n <= 23; n++) {
            raw.platform(WORKSPACE, events.broadcastMessageSent("e-sent-" + n, T0.plusSeconds(n), wamid(n), contact(n),
                    BROADCAST, "summer_sale"));
            count++;
        }
        raw.platform(WORKSPACE, events.broadcastSendFailed("e-fail-24", T0.plusSeconds(24), contact(24), BROADCAST,
                131009, "Parameter value is not valid"));
        raw.platform(WORKSPACE, events.broadcastSendFailed("e-fail-25", T0.plusSeconds(25), contact(25), BROADCAST,
                130429, "Rate limit hit"));
        count += 2;
        for (int n = 1; n <= 22; n++) {
            raw.meta(MetaPayloads.statuses(WABA, PHONE, status(n, "sent", 60)));
            count++;
        }
        for (int n = 1; n <= 15; n++) {
            raw.meta(MetaPayloads.statuses(WABA, PHONE, status(n, "delivered", 120)));
            count++;
        }
        // Meta batches several statuses in one body
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(1, "read", 300), status(2, "read", 300), status(3, "read", 300),
                status(4, "read", 300), status(5, "read", 300)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(6, "read", 300), status(7, "read", 300), status(8, "read", 300),
                status(9, "read", 300), status(10, "read", 300)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(16, "read", 200)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(16, "delivered", 190)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(17, "read", 200)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(18, "delivered", 120)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(18, "delivered", 120)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, status(19, "delivered", 120)));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, failed(19, 131000, "Something went wrong")));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, failed(20, 131049,
                "This message was not delivered to maintain healthy ecosystem engagement.")));
        raw.meta(MetaPayloads.statuses(WABA, PHONE, failed(21, 131026, "Message undeliverable")));
        count += 11;
        raw.meta(MetaPayloads.inbound(WABA, PHONE, "Asha",
                MetaPayloads.textMessage("wamid.IN1", contact(1), T0.plusSeconds(400), "Is it in blue?", wamid(1))));
        raw.meta(MetaPayloads.templateQuality(WABA, T0.plusSeconds(500), 1689556908129832L, "summer_sale", "YELLOW", "RED"));
        count += 2;

        // the quarantine: unknown number, bad JSON, unknown type, missing field
        raw.meta(MetaPayloads.statuses(WABA, UNKNOWN_PHONE, status(99, "delivered", 100)));
        raw.meta("{\"object\": \"whatsapp_business_account\", \"entry\": [".getBytes());
        raw.platform(WORKSPACE, events.event("e-odd", "coupon.redeemed", T0));
        ObjectNode noWamid = events.event("e-nowamid", "message.sent", T0).put("contact_id", contact(1));
        noWamid.putObject("source").put("kind", "api");
        raw.platform(WORKSPACE, noWamid);
        count += QUARANTINED;
        return count;
    }

    private static ObjectNode status(int n, String status, int secondsAfter) {
        return MetaPayloads.status(wamid(n), status, T0.plusSeconds(secondsAfter + n), contact(n), null);
    }

    private static ObjectNode failed(int n, int code, String title) {
        return MetaPayloads.status(wamid(n), "failed", T0.plusSeconds(250 + n), contact(n),
                new Error(code, title, title));
    }
}
