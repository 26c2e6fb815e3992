package com.wapi.analytics.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.wapi.analytics.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The audit log of a workspace's conversations: every agent action with its time and actor, oldest first. */
@Component
public class AuditLog {

    public static final Set<String> ACTIONS = Set.of("opened", "assigned", "takeover", "reply", "resolved", "reopened");
    public static final int MAX_PAGE_SIZE = 1000;

    private static final String PAGE = """
            SELECT toUInt32(event_time), action, conversation_id, agent_id, team_id, actor_id, from_agent_id, from_bot,
                   contact_id, event_id
              FROM agent_actions FINAL
             WHERE workspace_id = :workspace AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
               AND (:agent = '' OR agent_id = :agent OR actor_id = :agent) AND (:action = '' OR action = :action)
             ORDER BY event_time, event_id
             LIMIT :limit OFFSET :offset""";

    private final FactQueries facts;

    public AuditLog(FactQueries facts) {
        this.facts = facts;
    }

    public record Entry(String time, String action, @JsonProperty("conversation_id") String conversationId,
            @JsonProperty("agent_id") String agentId, @JsonProperty("team_id") String teamId,
            @JsonProperty("actor_id") String actorId, @JsonProperty("from_agent_id") String fromAgentId,
            @JsonProperty("from_bot") boolean fromBot, @JsonProperty("contact_id") String contactId,
            @JsonProperty("event_id") String eventId) {
    }

    public record Page(List<Entry> entries, int page, @JsonProperty("page_size") int pageSize,
            @JsonProperty("has_more") boolean hasMore, @JsonProperty("time_zone") String timeZone) {
    }

    public Page page(ReportPeriod period, String agent, String action, int page, int pageSize) {
        if (action != null && !action.isEmpty() && !ACTIONS.contains(action)) {
            throw new InvalidInputException("unknown action " + action + ": one of " + ACTIONS.stream().sorted().toList());
        }
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page starts at 1 and page_size is 1 to " + MAX_PAGE_SIZE);
        }
        List<Entry> entries = new ArrayList<>();
        facts.sql(PAGE, period).param("agent", agent == null ? "" : agent).param("action", action == null ? "" : action)
                .param("limit", pageSize + 1).param("offset", (long) (page - 1) * pageSize)
                .query(rs -> {
                    entries.add(new Entry(ReportWriter.ISO_TIME.format(period.local(rs.getLong(1))), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getInt(8) == 1, rs.getString(9), rs.getString(10)));
                });
        boolean more = entries.size() > pageSize;
        return new Page(more ? entries.subList(0, pageSize) : entries, page, pageSize, more, period.zone().getId());
    }
}
