package com.wapi.analytics.simulate;

import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Setup;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated customers of the product: three organizations in different time zones, with workspaces, phone
 * numbers, owners, admins, managers, agents in teams. Set up idempotently; ingest tokens are issued per run.
 */
public final class SimulatedWorld {

    public record Agent(String id, String team) {
    }

    public record Workspace(String id, String name, String phoneNumberId, String wabaId, String displayNumber,
            String currency, List<Agent> agents) {
    }

    public record Org(String id, String name, String timeZone, List<Workspace> workspaces) {
        public String ownerEmail() {
            return "owner@" + id + ".example";
        }
    }

    public static final List<Org> ORGS = List.of(
            new Org("acme", "Acme Retail", "Asia/Kolkata", List.of(
                    new Workspace("acme-sales", "Sales", "106540352242922", "102290129340398", "15550783881", "INR",
                            List.of(new Agent("asha", "sales"), new Agent("ravi", "sales"), new Agent("meera", "support"))),
                    new Workspace("acme-support", "Support", "106540352242923", "102290129340398", "15550783882", "INR",
                            List.of(new Agent("kiran", "support"), new Agent("dev", "support"))))),
            new Org("nyc-bikes", "NYC Bikes", "America/New_York", List.of(
                    new Workspace("nyc-shop", "Shop", "207000000000001", "207000000000999", "12125550100", "USD",
                            List.of(new Agent("sam", "shop"), new Agent("alex", "shop"))))),
            new Org("berlin-deli", "Berlin Deli", "Europe/Berlin", List.of(
                    new Workspace("berlin-orders", "Orders", "349000000000001", "349000000000999", "49305550100", "EUR",
                            List.of(new Agent("jonas", "orders"), new Agent("lena", "orders"))))));

    private SimulatedWorld() {
    }

    /**
     * Creates what is missing, as organizations that have existed since the first simulated day (so their digests
     * of those days are due), and returns a fresh ingest token per workspace.
     */
    public static Map<String, String> setUp(Setup setup, OrganizationRepository organizations, LocalDate firstDay) {
        Map<String, String> tokens = new HashMap<>();
        for (Org org : ORGS) {
            if (organizations.findById(org.id()).isEmpty()) {
                setup.createOrganization(org.id(), org.name(), org.timeZone(), org.ownerEmail(), true,
                        Organization.EmptyDayMode.send);
                setup.addMember(org.id(), null, org.ownerEmail(), Member.Role.owner);
                for (Workspace ws : org.workspaces()) {
                    setup.createWorkspace(ws.id(), org.id(), ws.name());
                    setup.addPhoneNumber(ws.id(), ws.phoneNumberId(), ws.wabaId(), ws.displayNumber());
                    setup.addMember(org.id(), ws.id(), "admin@" + ws.id() + ".example", Member.Role.admin);
                    setup.addMember(org.id(), ws.id(), "manager@" + ws.id() + ".example", Member.Role.manager);
                    for (Agent agent : ws.agents()) {
                        setup.addMember(org.id(), ws.id(), agent.id() + "@" + ws.id() + ".example", Member.Role.agent);
                    }
                }
            }
            organizations.existingSince(org.id(), firstDay.atStartOfDay(ZoneId.of(org.timeZone())).toInstant());
            for (Workspace ws : org.workspaces()) {
                tokens.put(ws.id(), setup.createToken(ws.id(), null, ApiToken.Kind.ingest).secret());
            }
        }
        return tokens;
    }
}
