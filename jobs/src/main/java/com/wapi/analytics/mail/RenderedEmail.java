package com.wapi.analytics.mail;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * An email rendered by one step of a job and sent by the next: kept in the job's context, so that a restart after
 * an SMTP failure sends exactly what was rendered. A job that decides not to send puts {@link #skip} instead.
 */
public record RenderedEmail(String to, String subject, String text, String html) {

    private static final String SKIP = "skip";

    public void putInto(ExecutionContext job) {
        job.putString("to", to);
        job.putString("subject", subject);
        job.putString("text", text);
        job.putString("html", html);
    }

    public static RenderedEmail from(ExecutionContext job) {
        return new RenderedEmail(job.getString("to"), job.getString("subject"), job.getString("text"), job.getString("html"));
    }

    /** Nothing is to be sent, for this reason (kept in the send ledger). */
    public static void skip(ExecutionContext job, String reason) {
        job.putString(SKIP, reason);
    }

    static String skipReason(ExecutionContext job) {
        return job.containsKey(SKIP) ? job.getString(SKIP) : null;
    }
}
