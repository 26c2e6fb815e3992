package com.wapi.analytics.mail;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.mail.MailException;

/**
 * Sends an email at most once: a ledger row is claimed (and committed) before the SMTP hand-off and confirmed
 * after it. An SMTP refusal marks the row failed, so a later attempt may claim it again. A claim never confirmed
 * (a crash between claim and send) or a hand-off whose outcome is unknown ({@code uncertain}) is left to an
 * operator, because the email may have gone: only an explicit resend sends it again.
 */
public final class SendOnce {

    public enum State { claimed, sent, skipped, failed, uncertain }

    public enum Outcome { SENT, ALREADY_SENT, CLAIMED_ELSEWHERE }

    /**
     * One email's row in a ledger table, as calls on the ledger bean (whose methods each commit on their own).
     *
     * @param claim false when the row is already claimed, sent or skipped (by anyone)
     */
    public record Entry(Supplier<Optional<State>> state, Predicate<String> claim, BiConsumer<State, String> finish) {
    }

    /**
     * What an operator needs about one email.
     *
     * @param what e.g. "the digest of acme for 2026-11-01"
     * @param resend the command that sends it again deliberately
     */
    public record Email(String what, String resend) {

        /** Why the email is held back, what to check and how to release it. */
        public String held(State state) {
            return what + (state == State.uncertain
                    ? " may have been delivered: the SMTP server took it and the connection failed before it confirmed"
                    : " was claimed by an attempt that never confirmed sending (a crash?)")
                    + "; it is not sent again automatically: check the recipient's inbox, then resend it deliberately with `"
                    + resend + "`";
        }
    }

    private SendOnce() {
    }

    /** True when the email may have gone and waits for an operator's resend. */
    public static boolean isHeld(State state) {
        return state == State.claimed || state == State.uncertain;
    }

    public static Outcome send(Entry entry, String messageId, Runnable send, Email email) {
        State state = entry.state().get().orElse(null);
        if (state == State.sent || state == State.skipped) {
            return Outcome.ALREADY_SENT;
        }
        if (isHeld(state)) {
            throw new IllegalStateException(email.held(state));
        }
        if (!entry.claim().test(messageId)) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        try {
            send.run();
        } catch (DeliveryUnknownException e) {
            entry.finish().accept(State.uncertain, e.getMessage());
            // without the cause: what the operator reads first is what to do (the ledger keeps the SMTP error)
            throw new IllegalStateException(email.held(State.uncertain));
        } catch (MailException e) {
            entry.finish().accept(State.failed, e.getMessage());
            throw e;
        }
        entry.finish().accept(State.sent, null);
        return Outcome.SENT;
    }
}
