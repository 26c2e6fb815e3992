package com.wapi.analytics.report;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.readers.errors.MetaError;
import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * One broadcast's messages sent in a period (message_state): its failures by error code with the catalogue's label
 * and fix, and its recipients one by one, filtered by final state and error code, a page at a time or all of them.
 */
@Component
public class BroadcastRecipients {

    public static final Set<String> STATES = Set.of("accepted", "sent", "delivered", "read", "failed");
    public static final int MAX_PAGE_SIZE = 500;

    /** The broadcast's messages sent in the period; each statement adds its own conditions after the WHERE. */
    private static final String MESSAGES = "  FROM " + MessageStates.of("workspace_id = :workspace",
            "source_kind = 'broadcast' AND broadcast_id = :broadcast AND " + MessageStates.SENT_BETWEEN)
            + "\n WHERE workspace_id = :workspace";

    private static final String FAILURES = """
            SELECT failure_code, failure_subcode, any(failure_title), count() AS failures
            """ + MESSAGES + """
               AND state = 'failed'
             GROUP BY failure_code, failure_subcode
             ORDER BY failures DESC, failure_code, failure_subcode""";

    private static final String RECIPIENTS = """
            SELECT contact_id, wamid, state, toUInt32(sent_at), toUInt32(delivered_at), toUInt32(read_at),
                   toUInt32(failed_at), failure_code, failure_subcode, failure_title
            """ + MESSAGES + """
               AND (:state = '' OR state = :state) AND (:code = -1 OR (state = 'failed' AND failure_code = :code))
             ORDER BY sent_at, message_key
             LIMIT :limit OFFSET :offset""";

    private final FactQueries facts;

    public BroadcastRecipients(FactQueries facts) {
        this.facts = facts;
    }

    public record Failure(int code, int subcode, MetaError error, long count) {
    }

    public record Recipient(String contact, String wamid, String state, String sentAt, String deliveredAt, String readAt,
            String failedAt, Integer errorCode, Integer errorSubcode, String errorTitle) {
    }

    /** What to list: a final state ("" for all) and an error code (null for all). */
    public record Filter(String state, Integer errorCode) {
        public Filter {
            state = state == null ? "" : state;
            if (!state.isEmpty() && !STATES.contains(state)) {
                throw new InvalidInputException("unknown status " + state + ": one of " + STATES.stream().sorted().toList());
            }
        }
    }

    public List<Failure> failures(ReportPeriod period, String broadcastId) {
        List<Failure> failures = new ArrayList<>();
        facts.sql(FAILURES, period).param("broadcast", broadcastId).query(rs -> {
            failures.add(new Failure(rs.getInt(1), rs.getInt(2), MetaErrorCatalogue.describe(rs.getInt(1), rs.getString(3)),
                    rs.getLong(4)));
        });
        return failures;
    }

    /** A page of recipients, one more than asked for when there is a next page. */
    public List<Recipient> page(ReportPeriod period, String broadcastId, Filter filter, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page starts at 1 and page_size is 1 to " + MAX_PAGE_SIZE);
        }
        List<Recipient> recipients = new ArrayList<>();
        each(period, broadcastId, filter, pageSize + 1L, (long) (page - 1) * pageSize, recipients::add);
        return recipients;
    }

    /** Every recipient matching the filter, streamed in order. */
    public void each(ReportPeriod period, String broadcastId, Filter filter, Consumer<Recipient> out) {
        each(period, broadcastId, filter, Long.MAX_VALUE, 0, out);
    }

    private void each(ReportPeriod period, String broadcastId, Filter filter, long limit, long offset, Consumer<Recipient> out) {
        facts.sql(RECIPIENTS, period).param("broadcast", broadcastId).param("state", filter.state())
                .param("code", filter.errorCode() == null ? -1 : filter.errorCode()).param("limit", limit)
                .param("offset", offset).query(rs -> {
                    boolean failed = "failed".equals(rs.getString(3));
                    out.accept(new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), time(period, rs.getLong(4)),
                            time(period, rs.getLong(5)), time(period, rs.getLong(6)), time(period, rs.getLong(7)),
                            failed ? rs.getInt(8) : null, failed ? rs.getInt(9) : null, failed ? rs.getString(10) : null));
                });
    }

    private static String time(ReportPeriod period, long epochSeconds) {
        return epochSeconds <= 0 ? null : ReportWriter.ISO_TIME.format(period.local(epochSeconds));
    }
}
