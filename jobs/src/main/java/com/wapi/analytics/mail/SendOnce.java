package com.wapi.analytics.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends an email at most once: its row in the {@link SendLedger} is claimed (and committed) before the SMTP hand-off
 * and confirmed after it. An SMTP refusal marks the row failed, so a later attempt may claim it again. A claim never
 * confirmed (a crash between claim and send) or a hand-off whose outcome is unknown ({@code uncertain}) is left to
 * an operator, because the email may have gone: only an explicit resend ({@link SendLedger#release}) sends it again.
 */
@Component
public class SendOnce {

    public enum State { claimed, sent, skipped, failed, uncertain }

    public enum Outcome { SENT, ALREADY_SENT, CLAIMED_ELSEWHERE }

    /**
     * One email as its ledger row and an operator know it.
     *
     * @param what e.g. "the digest of acme for 2026-11-01"
     * @param resend the command that sends it again deliberately
     */
    public record Email(SendLedger.Key key, String what, String resend) {

        /** Why the email is held back, what to check and how to release it. */
        public String held(State state) {
            return what + (state == State.uncertain
                    ? " may have been delivered: the SMTP server took it and the connection failed before it confirmed"
                    : " was claimed by an attempt that never confirmed sending (a crash?)")
                    + "; it is not sent again automatically: check the recipient's inbox, then resend it deliberately with `"
                    + resend + "`";
        }

        /** A tick's report of a held email, e.g. "UNCERTAIN: the digest of ... may have been delivered ...". */
        public String heldOutcome(State state) {
            return state.name().toUpperCase(Locale.ROOT) + ": " + held(state);
        }

        /** Deterministic, so that a resend is recognisably the same email; ids outside [A-Za-z0-9_-] are hashed. */
        public String messageId() {
            return "<" + key.kind() + "." + safe(key.scope()) + "." + safe(key.subject()) + "@wapi-analytics>";
        }

        private static String safe(String id) {
            if (id.matches("[A-Za-z0-9_-]{1,64}")) {
                return id;
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
                return "h" + HexFormat.of().formatHex(hash, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final SendLedger ledger;

    public SendOnce(SendLedger ledger) {
        this.ledger = ledger;
    }

    /** True when the email may have gone and waits for an operator's resend. */
    public static boolean isHeld(State state) {
        return state == State.claimed || state == State.uncertain;
    }

    /** True when nothing is left to do: the email was sent, or deliberately not sent. */
    public static boolean isDone(State state) {
        return state == State.sent || state == State.skipped;
    }

    /**
     * What to check before preparing an email that is costly to prepare: ALREADY_SENT when it is done, empty when it
     * is still to be sent; an exception naming the operator's resend when it may have gone.
     */
    public Optional<Outcome> settled(Email email) {
        State state = ledger.state(email.key()).orElse(null);
        if (isDone(state)) {
            return Optional.of(Outcome.ALREADY_SENT);
        }
        if (isHeld(state)) {
            throw new IllegalStateException(email.held(state));
        }
        return Optional.empty();
    }

    /** Records that the email is not to be sent, and why; nothing changes if it was claimed or finished before. */
    public void skip(Email email, String reason) {
        ledger.skip(email.key(), reason);
    }

    /**
     * Claims the email, runs {@code send} (the SMTP hand-off of {@link Email#messageId()} to {@code recipients}) and
     * records its outcome.
     *
     * @param detail what the ledger keeps about the content, e.g. the rows of an export (may be null)
     */
    public Outcome send(Email email, String recipients, String detail, Runnable send) {
        Optional<Outcome> settled = settled(email);
        if (settled.isPresent()) {
            return settled.get();
        }
        if (!ledger.claim(email.key(), recipients, email.messageId(), detail)) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        try {
            send.run();
        } catch (DeliveryUnknownException e) {
            ledger.finish(email.key(), State.uncertain, e.getMessage());
            // without the cause: what the operator reads first is what to do (the ledger keeps the SMTP error)
            throw new IllegalStateException(email.held(State.uncertain));
        } catch (MailException e) {
            ledger.finish(email.key(), State.failed, e.getMessage());
            throw e;
        }
        ledger.finish(email.key(), State.sent, null);
        return Outcome.SENT;
    }
}
