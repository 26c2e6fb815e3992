package com.wapi.analytics.export;

import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.etl.EtlCompleteness;
import com.wapi.analytics.jobs.InstanceRunner;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * For every active subscription whose organization's local clock has passed 09:00: the export of the last closed
 * period (yesterday, or last Monday to Sunday), if not mailed yet. Periods that closed before the subscription
 * existed are not sent. A period waits until the etl has loaded every event received up to its end.
 */
@Service
public class ExportTick {

    private static final Logger log = LoggerFactory.getLogger("export");

    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    /** @param period null when the subscription's due period could not be worked out */
    public record Due(long subscriptionId, ExportSubscription.Period period, String outcome) {

        public String periodText() {
            return period == null ? "-" : period.start() + ".." + period.end();
        }
    }

    private final ExportSubscriptionRepository subscriptions;
    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;
    private final SendLedger ledger;
    private final EtlCompleteness etl;
    private final InstanceRunner runner;
    private final Job job;

    ExportTick(ExportSubscriptionRepository subscriptions, WorkspaceRepository workspaces,
            OrganizationRepository organizations, SendLedger ledger, EtlCompleteness etl, InstanceRunner runner,
            @Qualifier("scheduledExportJob") Job job) {
        this.subscriptions = subscriptions;
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.ledger = ledger;
        this.etl = etl;
        this.runner = runner;
        this.job = job;
    }

    /** One subscription's failure is recorded against it (outcome FAILED) and the others go on. */
    public List<Due> tick(Instant now) {
        List<Due> done = new ArrayList<>();
        for (ExportSubscription subscription : subscriptions.findActive()) {
            ExportSubscription.Period period = null;
            try {
                Optional<ExportSubscription.Period> due = due(subscription, now);
                if (due.isPresent()) {
                    period = due.get();
                    done.add(new Due(subscription.id(), period, outcome(subscription, period, now)));
                }
            } catch (Exception e) {
                log.warn("export subscription {} failed: {}", subscription.id(), ExitCodes.rootMessage(e), e);
                done.add(new Due(subscription.id(), period, "FAILED: " + ExitCodes.rootMessage(e)));
            }
        }
        return done;
    }

    private String outcome(ExportSubscription subscription, ExportSubscription.Period period, Instant now) throws Exception {
        long subscriptionId = subscription.id();
        SendOnce.Email email = HeldEmails.export(subscriptionId, period.start());
        SendOnce.State state = ledger.state(email.key()).orElse(null);
        if (SendOnce.isHeld(state)) {
            return email.heldOutcome(state);
        }
        if (!SendOnce.isDone(state)) {
            Instant end = period.end().plusDays(1).atStartOfDay(organization(subscription).timeZone()).toInstant();
            Optional<String> unloaded = etl.unloaded(end, now);
            if (unloaded.isPresent()) {
                return "DEFERRED: " + unloaded.get();
            }
        }
        return run(subscriptionId, period);
    }

    private Organization organization(ExportSubscription subscription) {
        return workspaces.findById(subscription.workspaceId())
                .flatMap(ws -> organizations.findById(ws.organizationId())).orElseThrow();
    }

    Optional<ExportSubscription.Period> due(ExportSubscription subscription, Instant now) {
        Organization org = organization(subscription);
        ZonedDateTime local = now.atZone(org.timeZone());
        if (local.toLocalTime().isBefore(SEND_AT)) {
            return Optional.empty();
        }
        ExportSubscription.Period period = subscription.cadence().lastClosed(local.toLocalDate());
        if (period.end().isBefore(subscription.createdAt().atZoneSameInstant(org.timeZone()).toLocalDate())) {
            return Optional.empty();
        }
        return Optional.of(period);
    }

    /** Runs the period's job (once to completion); its outcome for a report. */
    String run(long subscriptionId, ExportSubscription.Period period) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addLong(ExportJobConfiguration.SUBSCRIPTION, subscriptionId)
                .addString(ExportJobConfiguration.PERIOD_START, period.start().toString())
                .addString(ExportJobConfiguration.PERIOD_END, period.end().toString(), false)
                .toJobParameters();
        return runner.run(job, params, "export:" + subscriptionId + ":" + period.start()).summary();
    }
}
