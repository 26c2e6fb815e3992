package com.wapi.analytics.digest;

import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.etl.EtlCompleteness;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
import com.wapi.analytics.mail.SendOnce;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the scheduler runs every few minutes: for each organization with the digest on whose local clock has
 * passed 09:00, the digest of the previous local day, if not done yet. Days missed while the app was down are
 * caught up (late) within a short look-back, never before the organization existed. A day is deferred until the
 * etl has loaded every event received up to its end; a digest sent more than {@code wapi.digest.late-after} after
 * 09:00 says it is late.
 * <p>
 * Due dates are computed in the time zone in force at the tick, and the ledger is keyed by (organization, local
 * date). After a time-zone change, a date earlier than the newest date in the ledger that has no row of its own is
 * never due: when the day boundaries jump back (Pacific/Chatham to Pacific/Honolulu), the local date that repeats
 * was sent under the old zone and is not sent again, and the next digest is the new zone's following date. When
 * they jump forward (Asia/Kolkata to Pacific/Chatham), no date is skipped: the date pending at the change comes due
 * at once, the following ones at 09:00 of the new zone.
 */
@Service
public class DigestTick {

    private static final Logger log = LoggerFactory.getLogger("digest");

    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    private final OrganizationRepository organizations;
    private final SendLedger ledger;
    private final DigestRunner runner;
    private final EtlCompleteness etl;
    private final int lookBackDays;
    private final Duration lateAfter;

    public DigestTick(OrganizationRepository organizations, SendLedger ledger, DigestRunner runner, EtlCompleteness etl, @Value("${wapi.digest.look-back-days:3}") int lookBackDays,
            @Value("${wapi.digest.late-after:PT3H}") Duration lateAfter) {
        this.organizations = organizations;
        this.ledger = ledger;
        this.runner = runner;
        this.etl = etl;
        this.lookBackDays = lookBackDays;
        this.lateAfter = lateAfter;
    }

    /** @param date null when the organization's due days could not be worked out */
    public record Due(String organizationId, LocalDate date, String outcome) {
    }

    /** One organization's failure is recorded against it (outcome FAILED) and the others go on. */
    public List<Due> tick(Instant now) {
        List<Due> handled = new ArrayList<>();
        for (Organization org : organizations.findAll()) {
            if (!org.digestEnabled()) {
                continue;
            }
            LocalDate date = null;
            try {
                for (LocalDate due : dueDates(org, now, lookBackDays, datesInLedger(org, now))) {
                    date = due;
                    outcome(org, due, now).ifPresent(outcome -> handled.add(new Due(org.id(), due, outcome)));
                }
            } catch (Exception e) {
                log.warn("digest of {} for {} failed: {}", org.id(), date, ExitCodes.rootMessage(e), e);
                handled.add(new Due(org.id(), date, "FAILED: " + ExitCodes.rootMessage(e)));
            }
        }
        return handled;
    }

    /** Empty when the day is done; DEFERRED while the etl has not loaded the whole day. */
    private Optional<String> outcome(Organization org, LocalDate date, Instant now) throws Exception {
        SendOnce.Email email = HeldEmails.digest(org.id(), date);
        SendOnce.State state = ledger.state(email.key()).orElse(null);
        if (SendOnce.isDone(state)) {
            return Optional.empty();
        }
        if (SendOnce.isHeld(state)) {
            return Optional.of(email.heldOutcome(state));
        }
        Optional<String> unloaded = etl.unloaded(date.plusDays(1).atStartOfDay(org.timeZone()).toInstant(), now);
        if (unloaded.isPresent()) {
            return Optional.of("DEFERRED: " + unloaded.get());
        }
        Instant regular = date.plusDays(1).atTime(SEND_AT).atZone(org.timeZone()).toInstant();
        return Optional.of(runner.run(org.id(), date, now.isAfter(regular.plus(lateAfter))).summary());
    }

    /**
     * The organization's digest dates in the send ledger, whatever their state, from a day early enough for any time
     * zone's look-back window (zones are at most 14 hours from UTC).
     */
    private List<LocalDate> datesInLedger(Organization org, Instant now) {
        LocalDate from = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(lookBackDays + 3L);
        return ledger.subjects(SendLedger.Kind.digest, org.id(), from.toString()).stream().map(LocalDate::parse).toList();
    }

    /**
     * The local days whose digest is due at {@code now}, oldest first: from the look-back window's first day (never
     * before the organization's creation day) to yesterday once 09:00 local has passed, leaving out the days before
     * the newest date in the ledger that have no row of their own (see the class comment).
     *
     * @param inLedger the organization's digest dates in the send ledger; dates before the window change nothing
     */
    static List<LocalDate> dueDates(Organization org, Instant now, int lookBackDays, Collection<LocalDate> inLedger) {
        ZonedDateTime local = now.atZone(org.timeZone());
        LocalDate latest = local.toLocalTime().isBefore(SEND_AT) ? local.toLocalDate().minusDays(2)
                : local.toLocalDate().minusDays(1);
        LocalDate created = org.createdAt().atZone(org.timeZone()).toLocalDate();
        LocalDate first = latest.minusDays(lookBackDays - 1L);
        if (first.isBefore(created)) {
            first = created;
        }
        LocalDate newest = inLedger.stream().max(LocalDate::compareTo).orElse(null);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(latest); d = d.plusDays(1)) {
            if (newest == null || !d.isBefore(newest) || inLedger.contains(d)) {
                dates.add(d);
            }
        }
        return dates;
    }
}
