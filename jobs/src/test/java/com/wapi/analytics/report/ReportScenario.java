package com.wapi.analytics.report;

import static com.wapi.analytics.etl.EtlScenario.T0;
import static com.wapi.analytics.etl.EtlScenario.contact;

import com.wapi.analytics.etl.EtlScenario;
import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every report's figures worked out by hand. On top of {@link EtlScenario} (acme-sales, Asia/Kolkata: broadcast
 * bc_summer, 25 targeted, 19 delivered, 12 read, 4 failed on 2026-11-23 15:30 local):
 * <ul>
 * <li>bc_midnight: one message at 23:55 local on 11-23 (delivered) and one at 00:05 on 11-24 (delivered): 11-23
 *     has 1 targeted of it</li>
 * <li>flow fl_welcome: one message to c30 on 11-23, delivered; its run run_1 reached step greet at T0+40 and step
 *     ask at T0+45 and completed at T0+60 (20 s from its first event)</li>
 * <li>conversation cv1 (contact 1): customer writes at T0+400 s, opened T0+410, assigned to ana (team sales),
 *     ana replies at T0+700 (first response 300 s), the customer writes at T0+1000, ana replies at T0+1090 (90 s),
 *     ana resolves at T0+1200. Attributed to bc_summer (touch at T0+1 s).</li>
 * <li>conversation cv2 (contact 2): customer writes at T0+2000, opened T0+2005, assigned to ben (team sales),
 *     no reply: ben has 1 open conversation waiting since T0+2000. Contact 2 clicked lnk_promo at T0+1900 (after
 *     bc_summer's touch at T0+2 s), so cv2 belongs to the link.</li>
 * <li>cv3 (contact 4) opened on 11-27, four days after bc_summer's touch: outside the 72 h window, unattributed.</li>
 * <li>lnk_promo clicks on 11-23: instagram/mobile/IN by contact 2, facebook/desktop/US without a contact.</li>
 * <li>conversions: 499 INR by contact 1 at T0+3000 (bc_summer, inside 7 days); 20 USD by contact 3 on 12-01,
 *     eight days after its touch: unattributed.</li>
 * </ul>
 * The second organization, nyc (America/New_York), has one message at 23:30 local on 11-23 and one at 00:30 on
 * 11-24, both delivered.
 */
public final class ReportScenario {

    public static final String WORKSPACE = EtlScenario.WORKSPACE;
    public static final String NYC_WORKSPACE = "nyc-support";
    static final String NYC_PHONE = "207000000000001";
    static final String NYC_WABA = "207000000000999";
    static final Instant MIDNIGHT_BEFORE = Instant.parse("2026-11-23T18:25:00Z"); // 23:55 +05:30
    static final Instant MIDNIGHT_AFTER = Instant.parse("2026-11-23T18:35:00Z"); // 00:05 +05:30 on 11-24
    static final Instant NYC_BEFORE = Instant.parse("2026-11-24T04:30:00Z"); // 23:30 -05:00 on 11-23
    static final Instant NYC_AFTER = Instant.parse("2026-11-24T05:30:00Z"); // 00:30 -05:00 on 11-24

    private ReportScenario() {
    }

    public static void setUp(Setup setup) {
        EtlScenario.setUp(setup);
        setup.createOrganization("nyc", "NYC Bikes", "America/New_York", "owner@nyc.test", true,
                Organization.EmptyDayMode.send);
        setup.createWorkspace(NYC_WORKSPACE, "nyc", "Support");
        setup.addPhoneNumber(NYC_WORKSPACE, NYC_PHONE, NYC_WABA, "12125550100");
    }

    public static void land(RawEventsFixture raw) {
        EtlScenario.land(raw);
        PlatformEvents acme = new PlatformEvents(WORKSPACE);
        String phone = EtlScenario.PHONE;
        String waba = EtlScenario.WABA;

        raw.platform(WORKSPACE, acme.broadcastCreated("r-bcm", MIDNIGHT_BEFORE.minusSeconds(60), "bc_midnight",
                "Midnight flash", "midnight_flash", 2));
        sentAndDelivered(raw, acme, waba, phone, "wamid.M1", contact(40), MIDNIGHT_BEFORE,
                acme.broadcastMessageSent("r-m1", MIDNIGHT_BEFORE, "wamid.M1", contact(40), "bc_midnight", "midnight_flash"));
        sentAndDelivered(raw, acme, waba, phone, "wamid.M2", contact(41), MIDNIGHT_AFTER,
                acme.broadcastMessageSent("r-m2", MIDNIGHT_AFTER, "wamid.M2", contact(41), "bc_midnight", "midnight_flash"));
        sentAndDelivered(raw, acme, waba, phone, "wamid.F1", contact(30), T0.plusSeconds(50),
                acme.flowMessageSent("r-f1", T0.plusSeconds(50), "wamid.F1", contact(30), "fl_welcome", "run_1"));
        raw.platform(WORKSPACE, acme.flowStep("r-fs1", T0.plusSeconds(40), "fl_welcome", "run_1", "greet", "Greeting", "done"));
        raw.platform(WORKSPACE, acme.flowStep("r-fs2", T0.plusSeconds(45), "fl_welcome", "run_1", "ask", "Ask the size", "done"));
        raw.platform(WORKSPACE, acme.flowCompleted("r-fc1", T0.plusSeconds(60), "fl_welcome", "run_1", "completed"));

        // cv1: first response 300 s, then a reply after 90 s, resolved
        raw.platform(WORKSPACE, acme.conversationOpened("r-c1-open", T0.plusSeconds(410), "cv1", contact(1), phone));
        raw.platform(WORKSPACE, acme.conversationAssigned("r-c1-asg", T0.plusSeconds(420), "cv1", "ana", "sales", "rule_1"));
        raw.platform(WORKSPACE, acme.conversationReply("r-c1-r1", T0.plusSeconds(700), "cv1", "ana", "wamid.A1"));
        raw.meta(MetaPayloads.inbound(waba, phone, "Asha",
                MetaPayloads.textMessage("wamid.IN2", contact(1), T0.plusSeconds(1000), "And in red?", null)));
        raw.platform(WORKSPACE, acme.conversationReply("r-c1-r2", T0.plusSeconds(1090), "cv1", "ana", "wamid.A2"));
        raw.platform(WORKSPACE, acme.conversationResolved("r-c1-res", T0.plusSeconds(1200), "cv1", "ana", "ana"));

        // cv2: waiting for ben, attributed to the link clicked after the broadcast
        raw.platform(WORKSPACE, acme.linkClick("r-k1", T0.plusSeconds(1900), "lnk_promo", "k1", "instagram", "mobile", "IN",
                contact(2)));
        raw.platform(WORKSPACE, acme.linkClick("r-k2", T0.plusSeconds(1950), "lnk_promo", "k2", "facebook", "desktop", "US",
                null));
        raw.meta(MetaPayloads.inbound(waba, phone, "Bala",
                MetaPayloads.textMessage("wamid.IN3", contact(2), T0.plusSeconds(2000), "Price?", null)));
        raw.platform(WORKSPACE, acme.conversationOpened("r-c2-open", T0.plusSeconds(2005), "cv2", contact(2), phone));
        raw.platform(WORKSPACE, acme.conversationAssigned("r-c2-asg", T0.plusSeconds(2010), "cv2", "ben", "sales", "rule_1"));

        // cv3: four days after the only touch of contact 4
        raw.platform(WORKSPACE, acme.conversationOpened("r-c3-open", T0.plusSeconds(4 * 86400), "cv3", contact(4), phone));

        raw.platform(WORKSPACE, acme.conversion("r-v1", T0.plusSeconds(3000), "order_1", contact(1), "499.00", "INR"));
        raw.platform(WORKSPACE, acme.conversion("r-v2", T0.plusSeconds(8 * 86400), "order_2", contact(3), "20.00", "USD"));

        PlatformEvents nyc = new PlatformEvents(NYC_WORKSPACE);
        sentAndDelivered(raw, nyc, NYC_WABA, NYC_PHONE, "wamid.N1", "12125550001", NYC_BEFORE,
                nyc.broadcastMessageSent("n-1", NYC_BEFORE, "wamid.N1", "12125550001", "bc_nyc", "nyc_news"));
        sentAndDelivered(raw, nyc, NYC_WABA, NYC_PHONE, "wamid.N2", "12125550002", NYC_AFTER,
                nyc.broadcastMessageSent("n-2", NYC_AFTER, "wamid.N2", "12125550002", "bc_nyc", "nyc_news"));
    }

    private static void sentAndDelivered(RawEventsFixture raw, PlatformEvents events, String waba, String phone,
            String wamid, String contact, Instant at, ObjectNode sent) {
        raw.platform(events.workspaceId(), sent);
        raw.meta(MetaPayloads.statuses(waba, phone, MetaPayloads.status(wamid, "delivered", at.plusSeconds(30), contact, null)));
    }
}
