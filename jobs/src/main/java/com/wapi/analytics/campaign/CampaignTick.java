package com.wapi.analytics.campaign;

import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.etl.EtlCompleteness;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
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
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs beside the digest tick: for each organization, the broadcasts launched in the look-back window whose
 * completion email is due (finished, or 24 hours old) and not sent yet, mailed to the workspace's admins.
 * Broadcasts older than the window are never mailed, so a long outage does not flood anyone with stale news.
 * An email waits until the etl has loaded the events its figures stand on.
 */
@Service
public class CampaignTick {

    private static final Logger log = LoggerFactory.getLogger("campaign");

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final CampaignCompletion completion;
    private final SendLedger ledger;
    private final CampaignEmailRunner runner;
    private final EtlCompleteness etl;
    private final Duration lookBack;

    public CampaignTick(OrganizationRepository organizations, WorkspaceRepository workspaces, MemberRepository members,
            CampaignCompletion completion, SendLedger ledger, CampaignEmailRunner runner, EtlCompleteness etl,
            @Value("${wapi.campaign.look-back-days:3}") int lookBackDays) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.members = members;
        this.completion = completion;
        this.ledger = ledger;
        this.runner = runner;
        this.etl = etl;
        this.lookBack = Duration.ofDays(lookBackDays);
    }

    /** An organization whose broadcasts could not be listed is reported with its id as workspaceId and no broadcast. */
    public record Due(String workspaceId, String broadcastId, String outcome) {
    }

    /** One organization's or broadcast's failure is recorded against it (outcome FAILED) and the others go on. */
    public List<Due> tick(Instant now) {
        List<Due> handled = new ArrayList<>();
        for (Organization org : organizations.findAll()) {
            try {
                tick(org, now, handled);
            } catch (Exception e) {
                log.warn("campaign emails of organization {} failed: {}", org.id(), ExitCodes.rootMessage(e), e);
                handled.add(new Due(org.id(), "", "FAILED: " + ExitCodes.rootMessage(e)));
            }
        }
        return handled;
    }

    private void tick(Organization org, Instant now, List<Due> handled) {
        Map<String, Workspace> byId = workspaces.findByOrganization(org.id()).stream()
                .collect(Collectors.toMap(Workspace::id, Function.identity()));
        List<String> ids = List.copyOf(byId.keySet());
        if (ids.isEmpty()) {
            return;
        }
        Map<SendLedger.Key, SendOnce.State> states = ledger.states(SendLedger.Kind.campaign, ids);
        Set<String> sent = states.keySet().stream().filter(k -> states.get(k) == SendOnce.State.sent)
                .map(k -> CampaignCompletion.key(k.scope(), k.subject())).collect(Collectors.toSet());
        for (CampaignCompletion.Candidate c : completion.candidates(ids, now.minus(lookBack), now, sent)) {
            if (!c.isDue(now)) {
                continue;
            }
            String outcome;
            try {
                SendOnce.Email email = HeldEmails.campaign(c.workspaceId(), c.broadcastId());
                outcome = outcome(c, byId.get(c.workspaceId()), email, states.get(email.key()), now);
            } catch (Exception e) {
                log.warn("campaign email of {} {} failed: {}", c.workspaceId(), c.broadcastId(), ExitCodes.rootMessage(e), e);
                outcome = "FAILED: " + ExitCodes.rootMessage(e);
            }
            handled.add(new Due(c.workspaceId(), c.broadcastId(), outcome));
        }
    }

    private String outcome(CampaignCompletion.Candidate c, Workspace workspace, SendOnce.Email email,
            SendOnce.State state, Instant now) throws Exception {
        if (SendOnce.isHeld(state)) {
            return email.heldOutcome(state);
        }
        // the figures as of 24 hours after launch, or as of now for a finished broadcast: loaded before it's mailed
        Instant asOf = c.launchedAt().plus(CampaignCompletion.AT_THE_LATEST);
        Instant settled = now.minus(etl.grace().multipliedBy(2));
        Optional<String> unloaded = etl.unloaded(asOf.isBefore(settled) ? asOf : settled, now);
        if (unloaded.isPresent()) {
            return "DEFERRED: " + unloaded.get();
        }
        if (CampaignEmailJobConfiguration.admins(members, workspace).isEmpty()) {
            return "NO_ADMIN: nobody to tell; add an admin";
        }
        return runner.run(c.workspaceId(), c.broadcastId()).summary();
    }
}
