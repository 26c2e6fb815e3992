package com.wapi.analytics.export;

import com.wapi.analytics.cli.ExitCodes;
import com.wapi.analytics.jobs.InstanceRunner;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * For every active subscription whose organization's local clock has passed 09:00: the export of the last closed
 * period (yesterday, or last Monday to Sunday), if not mailed yet. Periods that closed before the subscription
 * existed are not sent.
 */
@Service
public class ExportTick {

    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    public record Due(long subscriptionId, ExportSubscription.Period period, String outcome) {
    }

    private final ExportSubscriptionRepository subscriptions;
    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;
    private final InstanceRunner runner;
    private final Job job;

    ExportTick(ExportSubscriptionRepository subscriptions, WorkspaceRepository workspaces,
            OrganizationRepository organizations, InstanceRunner runner, @Qualifier("scheduledExportJob") Job job) {
        this.subscriptions = subscriptions;
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.runner = runner;
        this.job = job;
    }

    public List<Due> tick(Instant now) throws Exception {
        List<Due> done = new ArrayList<>();
        for (ExportSubscription subscription : subscriptions.findActive()) {
            Optional<ExportSubscription.Period> due = due(subscription, now);
            if (due.isPresent()) {
                done.add(new Due(subscription.id(), due.get(), run(subscription.id(), due.get())));
            }
        }
        return done;
    }

    Optional<ExportSubscription.Period> due(ExportSubscription subscription, Instant now) {
        Organization org = workspaces.findById(subscription.workspaceId())
                .flatMap(ws -> organizations.findById(ws.organizationId())).orElseThrow();
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

    private String run(long subscriptionId, ExportSubscription.Period period) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addLong(ExportJobConfiguration.SUBSCRIPTION, subscriptionId)
                .addString(ExportJobConfiguration.PERIOD_START, period.start().toString())
                .addString(ExportJobConfiguration.PERIOD_END, period.end().toString(), false)
                .toJobParameters();
        InstanceRunner.Result result = runner.run(job, params, "export:" + subscriptionId + ":" + period.start());
        if (result.execution() == null || result.outcome() != InstanceRunner.Outcome.RAN) {
            return result.outcome().name();
        }
        return result.execution().getStatus() + " " + result.execution().getExitStatus().getExitCode()
                + (result.execution().getAllFailureExceptions().isEmpty() ? ""
                        : ": " + ExitCodes.rootMessage(result.execution().getAllFailureExceptions().get(0)));
    }
}
