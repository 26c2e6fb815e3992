package com.wapi.analytics.readers.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.AgentActionFact;
import com.wapi.analytics.readers.facts.BroadcastFact;
import com.wapi.analytics.readers.facts.ConversionFact;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.FlowEventFact;
import com.wapi.analytics.readers.facts.LinkClickFact;
import com.wapi.analytics.readers.facts.OutboundMessageFact;
import com.wapi.analytics.readers.facts.RetryFact;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlatformEventParserTests {

    final PlatformEventParser parser = new PlatformEventParser();

    static String event(String type, String fields) {
        return "{\"event_id\":\"e1\",\"type\":\"" + type + "\",\"workspace_id\":\"ws-1\","
                + "\"occurred_at\":\"2026-11-02T10:00:00+05:30\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    Fact fact(String json) {
        ParseResult result = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).as(result.toString()).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).facts().get(0);
    }

    ParseResult.Rejected rejected(String json) {
        ParseResult result = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    @Test
    void everyTypeBecomesItsFact() {
        BroadcastFact b = (BroadcastFact) fact(event("broadcast.created", """
                "broadcast_id":"bc1","name":"Summer","template_name":"summer_sale","category":"marketing",
                "audience_size":25,"created_by":"u1\""""));
        assertThat(b.eventTime()).isEqualTo(Instant.parse("2026-11-02T04:30:00Z"));
        assertThat(b.audienceSize()).isEqualTo(25);
        assertThat(b.workspaceId()).isEqualTo("ws-1");

        OutboundMessageFact sent = (OutboundMessageFact) fact(event("message.sent", """
                "wamid":"wamid.1","contact_id":"16505551234","template_name":"summer_sale",
                "source":{"kind":"broadcast","broadcast_id":"bc1"}"""));
        assertThat(sent.accepted()).isTrue();
        assertThat(sent.messageKey()).isEqualTo("wamid.1");
        assertThat(sent.broadcastId()).isEqualTo("bc1");

        OutboundMessageFact refused = (OutboundMessageFact) fact(event("message.send_failed", """
                "contact_id":"1","source":{"kind":"flow","flow_id":"f1","flow_run_id":"r1"},
                "error":{"code":131009,"subcode":2494055,"title":"Parameter value is not valid"}"""));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.messageKey()).isEqualTo("failed:e1");
        assertThat(refused.errorCode()).isEqualTo(131009);
        assertThat(refused.errorSubcode()).isEqualTo(2494055);
        assertThat(refused.flowRunId()).isEqualTo("r1");

        RetryFact retry = (RetryFact) fact(event("retry.scheduled", """
                "broadcast_id":"bc1","contact_id":"1","original_wamid":"wamid.1","reason_code":131049,"attempt":1,
                "due_at":"2026-11-03T10:00:00Z\""""));
        assertThat(retry.reasonCode()).isEqualTo(131049);
        assertThat(retry.dueAt()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));

        AgentActionFact opened = (AgentActionFact) fact(event("conversation.opened",
                "\"conversation_id\":\"c1\",\"contact_id\":\"1\",\"channel_phone_number_id\":\"106540352242922\""));
        assertThat(opened.action()).isEqualTo("opened");
        AgentActionFact assigned = (AgentActionFact) fact(event("conversation.assigned",
                "\"conversation_id\":\"c1\",\"agent_id\":\"a1\",\"team_id\":\"t1\",\"actor_id\":\"rule:round-robin\""));
        assertThat(assigned.actorId()).isEqualTo("rule:round-robin");
        assertThat(assigned.teamId()).isEqualTo("t1");
        AgentActionFact takeover = (AgentActionFact) fact(event("conversation.takeover",
                "\"conversation_id\":\"c1\",\"agent_id\":\"a2\",\"from_bot\":true"));
        assertThat(takeover.fromBot()).isTrue();
        AgentActionFact reply = (AgentActionFact) fact(event("conversation.reply",
                "\"conversation_id\":\"c1\",\"agent_id\":\"a2\",\"wamid\":\"wamid.R\""));
        assertThat(reply.wamid()).isEqualTo("wamid.R");
        assertThat(((AgentActionFact) fact(event("conversation.resolved",
                "\"conversation_id\":\"c1\",\"agent_id\":\"a2\",\"actor_id\":\"a2\""))).action()).isEqualTo("resolved");
        assertThat(((AgentActionFact) fact(event("conversation.reopened",
                "\"conversation_id\":\"c1\",\"actor_id\":\"customer\""))).action()).isEqualTo("reopened");

        FlowEventFact step = (FlowEventFact) fact(event("flow.step", """
                "flow_id":"f1","flow_run_id":"r1","step_id":"s1","step_name":"Ask size","status":"ok",
                "input":{"size":"M"},"output":["ok",1]"""));
        assertThat(step.input()).isEqualTo("{\"size\":\"M\"}");
        assertThat(step.output()).isEqualTo("[\"ok\",1]");
        assertThat(((FlowEventFact) fact(event("flow.completed",
                "\"flow_id\":\"f1\",\"flow_run_id\":\"r1\",\"outcome\":\"converted\""))).outcome()).isEqualTo("converted");

        LinkClickFact click = (LinkClickFact) fact(event("link.click", """
                "link_id":"l1","click_id":"k1","source":"instagram","device":"mobile","country":"IN","contact_id":"1\""""));
        assertThat(click.country()).isEqualTo("IN");
        assertThat(click.medium()).isEmpty();

        ConversionFact conversion = (ConversionFact) fact(event("conversion", """
                "conversion_id":"o1","contact_id":"1","amount":1499.50,"currency":"INR","ref":{"click_id":"k1"}"""));
        assertThat(conversion.amount()).isEqualByComparingTo(new BigDecimal("1499.50"));
        assertThat(conversion.refKind()).isEqualTo("click");
        assertThat(conversion.refId()).isEqualTo("k1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no offset|{\"event_id\":\"e1\",\"type\":\"conversation.reopened\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02 10:00\",\"conversation_id\":\"c\",\"actor_id\":\"a\"}|bad_value|expected ISO-8601 with offset",
            "unknown type|{\"event_id\":\"e1\",\"type\":\"coupon.redeemed\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\"}|unknown_type|is not one of",
            "no event_id|{\"type\":\"conversation.reopened\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\"}|missing_field|event_id",
            "no wamid|{\"event_id\":\"e1\",\"type\":\"message.sent\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"contact_id\":\"1\",\"source\":{\"kind\":\"api\"}}|missing_field|wamid",
            "bad source kind|{\"event_id\":\"e1\",\"type\":\"message.sent\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"wamid\":\"x\",\"contact_id\":\"1\",\"source\":{\"kind\":\"sms\"}}|bad_value|source.kind: expected one of",
            "broadcast without id|{\"event_id\":\"e1\",\"type\":\"message.sent\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"wamid\":\"x\",\"contact_id\":\"1\",\"source\":{\"kind\":\"broadcast\"}}|missing_field|source.broadcast_id is required",
            "audience as text|{\"event_id\":\"e1\",\"type\":\"broadcast.created\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"broadcast_id\":\"b\",\"name\":\"n\",\"template_name\":\"t\",\"category\":\"c\",\"audience_size\":\"many\"}|wrong_type|audience_size",
            "bad currency|{\"event_id\":\"e1\",\"type\":\"conversion\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"conversion_id\":\"o\",\"contact_id\":\"1\",\"amount\":1,\"currency\":\"rupees\"}|bad_value|ISO-4217",
            "too precise|{\"event_id\":\"e1\",\"type\":\"conversion\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"conversion_id\":\"o\",\"contact_id\":\"1\",\"amount\":1.123456,\"currency\":\"USD\"}|bad_value|4 decimals",
            "bad outcome|{\"event_id\":\"e1\",\"type\":\"flow.completed\",\"workspace_id\":\"w\",\"occurred_at\":\"2026-11-02T10:00:00Z\",\"flow_id\":\"f\",\"flow_run_id\":\"r\",\"outcome\":\"won\"}|bad_value|outcome: expected one of",
            "an array|[1]|not_an_object|one JSON object",
            "not json|{event_id: 1}|bad_json|",
    })
    void eachWayToBeInvalidHasAReason(String name, String json, String code, String detail) {
        ParseResult.Rejected r = rejected(json);
        assertThat(r.reason().code()).isEqualTo(code);
        assertThat(r.detail()).contains(detail == null ? "" : detail);
    }

    @Test
    void envelopeIsReadEvenWhenTheEventIsRejected() {
        PlatformEventParser.PlatformEvent e = parser.read(event("coupon.redeemed", "").getBytes(StandardCharsets.UTF_8));
        assertThat(e.eventId()).isEqualTo("e1");
        assertThat(e.workspaceId()).isEqualTo("ws-1");
        assertThat(((ParseResult.Rejected) e.result()).reason()).isEqualTo(Rejection.UNKNOWN_TYPE);
    }
}
