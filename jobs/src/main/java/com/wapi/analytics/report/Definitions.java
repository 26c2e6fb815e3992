package com.wapi.analytics.report;

import com.wapi.analytics.hours.ServiceHours;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wording of docs/definitions.md, printed under every report that uses a definition. */
public final class Definitions {

    public static final String DAY = "day: a calendar day in the organization's time zone (%s); the period runs from %s 00:00 to the end of %s";
    public static final String TARGETED = "targeted: every recipient a send was tried for: message.sent plus message.send_failed";
    public static final String DELIVERED = "delivered: a targeted message with a delivered or a read status, in whatever order they arrived";
    public static final String READ = "read: a targeted message with a read status";
    public static final String FAILED = "failed: refused by the send API, or a failed status and never delivered";
    public static final String PENDING = "pending: accepted by the send API, and Meta has reported neither its delivery nor its failure yet "
            + "(no status, or only sent); targeted = delivered + failed + pending";
    public static final String DELIVERY_RATE = "delivery rate = delivered / targeted; read rate = read / delivered";
    public static final String ONCE = "a status or event delivered twice counts once";
    public static final String SHARE = "share = failures with this code / all failures of the period";
    public static final String CHANGE = "change: against the previous period of equal length (%s to %s)";
    public static final String RESPONSE_TIME = "reply time: from the first customer message after the previous agent reply to the next agent reply; "
            + "first response time: from the conversation's first customer message to the first agent reply after it";
    public static final String PERCENTILES = "p50/p90/p99: exact percentiles, no interpolation: of n sorted times, the one at position floor(n * q) counting from 0";
    public static final String RESOLUTION_RATE = "resolution rate = conversations resolved / conversations assigned to or taken over by the agent, "
            + "counting conversations with an assignment or takeover in the period and their state now";
    public static final String WAITING = "waiting: an open conversation whose latest customer message has no agent reply yet; "
            + "oldest waiting = the earliest such unanswered customer message";
    public static final String TOUCH = "touch: a broadcast or flow message Meta accepted, or a tracked-link click tied to a contact";
    public static final String TREND = "change: against the day before and the same day a week before; flagged when the delivery or read rate "
            + "moves by 5 points or more, or failures, inbound conversations or the median first response move by 50%% "
            + "or more (and by at least 10)";

    public static final String RESOLUTION_TIME = "resolution time: from the conversation's opening to its resolution (the last, if reopened), "
            + "per the conversation's current agent and team";
    public static final String BUSINESS_HOURS = "business hours: %s in %s%s; a wait counts only its seconds within them "
            + "(time outside business hours does not count), each local day's hours taken by the zone's rules on that day (DST aware)";
    public static final String SLA = "within SLA: a first response within %s and a resolution within %s of business hours; "
            + "share = those within the target / those timed in the period (a conversation not yet answered or resolved is not counted)";

    public static final String FLOW_RUNS = "flow run: the runs whose first event falls in the period, followed for up to %d days after it: "
            + "completed = outcome completed or converted; converted, abandoned, failed as the platform reports them; in progress = no outcome yet; "
            + "completion rate = completed / started; conversion rate = converted / started; time to complete: from a run's first event "
            + "to its completion, completed runs only";
    public static final String FLOW_STEPS = "step order: the order runs first reached the steps: by each step's mean position among the steps "
            + "of the runs that reached it (1 = a run's first step), ties by step_id; reached = runs with the step; "
            + "drop-off = runs that reached the step before (runs started, for the first step) minus runs that reached this one";
    public static final String FLOW_OUTPUTS = "outputs: the %d most frequent output values of each step, counted in runs";
    public static final String FLOW_ATTRIBUTION = "conversations and conversions of a flow: those whose last touch in the window was one of the "
            + "flow's messages (the attribution report's figures), counted in the period they opened or converted";
    public static final String FLOW_FLAG = "flagged: a flow whose completion or conversion rate moved by 5 points or more against the previous period";
    public static final String FLOW_RUN = "a flow run's events in the order they happened: each step with its status, input and output, "
            + "and the run's outcome";

    private Definitions() {
    }

    public static String day(ReportPeriod period) {
        return DAY.formatted(period.zone().getId(), period.from(), period.to());
    }

    public static String change(ReportPeriod period) {
        ReportPeriod previous = period.previous();
        return CHANGE.formatted(previous.from(), previous.to());
    }

    public static String businessHours(ServiceHours hours, ReportPeriod period) {
        String holidays = hours.holidays().isEmpty() ? "" : ", closed on " + hours.holidays().stream()
                .map(LocalDate::toString).collect(Collectors.joining(", "));
        return BUSINESS_HOURS.formatted(hours.schedule(), period.zone().getId(), holidays);
    }

    public static String sla(ServiceHours hours) {
        return SLA.formatted(target(hours.firstResponseSla()), target(hours.resolutionSla()));
    }

    private static String target(Duration target) {
        return target == null ? "(no target set)" : target.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
