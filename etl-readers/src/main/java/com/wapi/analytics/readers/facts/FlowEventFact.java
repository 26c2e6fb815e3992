package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** flow.step (kind "step", with its input and output as JSON text) and flow.completed (kind "completed"). */
public record FlowEventFact(String workspaceId, String eventId, Instant eventTime, String kind, String flowId,
        String flowRunId, String stepId, String stepName, String status, String input, String output, String outcome)
        implements Fact {

    @Override
    public String naturalKey() {
        return eventId;
    }
}
