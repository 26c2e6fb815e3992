package com.wapi.analytics.mail;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.mail.MailException;

/**
 * Sends an email at most once: a ledger row is claimed (and committed) before the SMTP hand-off and confirmed
 * after it. An SMTP refusal marks the row failed, so a later attempt may claim it again; a claim never confirmed
 * (a crash between claim and send) is left to an operator, because the email may have gone.
 */
public final class SendOnce {

    public enum State { claimed, sent, skipped, failed }

    public enum Outcome { SENT, ALREADY_SENT, CLAIMED_ELSEWHERE }

    /**
     * One email's row in a ledger table, as calls on the ledger bean (whose methods each commit on their own).
     *
     * @param claim false when the row is already claimed, sent or skipped (by anyone)
     */
    public record Entry(Supplier<Optional<State>> state, Predicate<String> claim, BiConsumer<State, String> finish) {
    }

    private SendOnce() {
    }

    /**
     * @param crashAdvice the error, naming what to check, when an earlier attempt claimed the email and never confirmed
     */
    public static Outcome send(Entry entry, String messageId, Runnable send, String crashAdvice) {
        State state = entry.state().get().orElse(null);
        if (state == State.sent || state == State.skipped) {
            return Outcome.ALREADY_SENT;
        }
        if (state == State.claimed) {
            throw new IllegalStateException(crashAdvice);
        }
        if (!entry.claim().test(messageId)) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        try {
            send.run();
        } catch (MailException e) {
            entry.finish().accept(State.failed, e.getMessage());
            throw e;
        }
        entry.finish().accept(State.sent, null);
        return Outcome.SENT;
    }
}
