package com.wapi.analytics.campaign;

import com.wapi.analytics.jobs.InstanceRunner;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.tenancy.MemberRepository;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs beside the digest tick: for each organization, the broadcasts launched in the look-back window whose
 * completion email is due (finished, or 24 hours old) and not sent yet, mailed to the workspace's admins.
 * Broadcasts older than the window are never mailed, so a long outage does not flood anyone with stale news.
 */
@Service
public class CampaignTick {

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final CampaignCompletion completion;
    private final CampaignEmailLedger ledger;
    private final CampaignEmailRunner runner;
    private final Duration lookBack;

    public CampaignTick(OrganizationRepository organizations, WorkspaceRepository workspaces, MemberRepository members,
            CampaignCompletion completion, CampaignEmailLedger ledger, CampaignEmailRunner runner,
            @Value("${wapi.campaign.look-back-days:3}") int lookBackDays) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.members = members;
        this.completion = completion;
        this.ledger = ledger;
        this.runner = runner;
        this.lookBack = Duration.ofDays(lookBackDays);
    }

    public record Due(String workspaceId, String broadcastId, String outcome) {
    }

    public List<Due> tick(Instant now) throws Exception {
        List<Due> handled = new ArrayList<>();
        for (Organization org : organizations.findAll()) {
            Map<String, Workspace> byId = workspaces.findByOrganization(org.id()).stream()
                    .collect(Collectors.toMap(Workspace::id, Function.identity()));
            List<String> ids = List.copyOf(byId.keySet());
            if (ids.isEmpty()) {
                continue;
            }
            Map<String, SendOnce.State> states = ledger.states(ids);
            Set<String> sent = states.keySet().stream().filter(k -> states.get(k) == SendOnce.State.sent)
                    .collect(Collectors.toSet());
            for (CampaignCompletion.Candidate c : completion.candidates(ids, now.minus(lookBack), now, sent)) {
                if (!c.isDue(now)) {
                    continue;
                }
                if (states.get(CampaignCompletion.key(c.workspaceId(), c.broadcastId())) == SendOnce.State.claimed) {
                    handled.add(new Due(c.workspaceId(), c.broadcastId(),
                            "CLAIMED: being sent, or claimed by a process that stopped before confirming"));
                    continue;
                }
                if (CampaignEmailJobConfiguration.admins(members, byId.get(c.workspaceId())).isEmpty()) {
                    handled.add(new Due(c.workspaceId(), c.broadcastId(), "NO_ADMIN: nobody to tell; add an admin"));
                    continue;
                }
                InstanceRunner.Result result = runner.run(c.workspaceId(), c.broadcastId());
                String outcome = result.execution() == null ? result.outcome().name()
                        : result.execution().getStatus() + " " + result.execution().getExitStatus().getExitCode();
                handled.add(new Due(c.workspaceId(), c.broadcastId(), outcome));
            }
        }
        return handled;
    }
}
