-- Conversations, response times and attribution (docs/definitions.md), built from the audit log (agent_actions),
-- the customers' inbound messages and the touches (broadcast and flow messages, tracked-link clicks).
--
-- Notes for whoever edits these views:
-- * Each view groups a UNION ALL by workspace first (no JOIN), so that a report's workspace filter is pushed
--   down into every table it reads (enable_optimize_predicate_expression) and a report reads one workspace.
-- * Re-delivered facts are harmless without FINAL: counts use uniqExact on the fact's id, arrays groupUniqArray.
-- * A column used inside a lambda is also named outside it in the same expression (if(x = 0, ...)): ClickHouse
--   18.16 drops columns captured only by lambdas when it prunes the columns a query does not select.

-- product_settings: settings the views read, rewritten by every `scripts/wapi migrate` from the application's
-- settings (wapi.attribution.*); a missing row means the default written in the view.
CREATE TABLE IF NOT EXISTS product_settings (name String, value String) ENGINE = ReplacingMergeTree ORDER BY name;

-- customer_messages: each inbound customer message with the conversation it belongs to: the contact's latest
-- conversation opened no later than 10 minutes after the message (the message that opens a conversation arrives
-- just before the platform's conversation.opened event).
CREATE VIEW IF NOT EXISTS customer_messages AS
SELECT
    workspace_id,
    contact_id,
    message.2 AS wamid,
    message.1 AS message_time,
    if(message.1 = 0, '', arrayFilter(o -> o.1 <= message.1 + 600, opens)[-1].2) AS conversation_id
FROM
(
    SELECT
        workspace_id,
        contact_id,
        arraySort(groupUniqArrayIf((toUInt32(event_time), id), kind = 'open')) AS opens,
        groupUniqArrayIf((toUInt32(event_time), id), kind = 'message') AS messages
    FROM
    (
        SELECT workspace_id, contact_id, event_time, 'message' AS kind, wamid AS id FROM inbound_messages
        UNION ALL
        SELECT workspace_id, contact_id, event_time, 'open' AS kind, conversation_id AS id
          FROM agent_actions WHERE action = 'opened'
    )
    GROUP BY workspace_id, contact_id
)
ARRAY JOIN messages AS message
WHERE conversation_id != '';

-- conversation_facts: one row per conversation. agent_id is the current owner (last assignment or takeover);
-- first_response_seconds runs from the first customer message to the first agent reply after it (-1: none yet);
-- waiting_since is the oldest customer message still awaiting a reply (epoch 0 when none is waiting).
CREATE VIEW IF NOT EXISTS conversation_facts AS
SELECT
    workspace_id,
    conversation_id,
    contact_id,
    channel_phone_number_id,
    opened_at,
    owner_agent_id AS agent_id,
    owner_team_id AS team_id,
    assignments,
    takeovers,
    replies,
    resolved,
    resolved_at,
    resolved_by,
    replies_detail,
    reply_times,
    customer_times,
    if(empty(customer_times), toUInt32(0), arrayFirst(r -> r >= customer_times[1], reply_times)) AS first_reply_ts,
    if(first_reply_ts = 0, toInt64(-1), toInt64(first_reply_ts) - customer_times[1]) AS first_response_seconds,
    toDateTime(if(empty(reply_times), customer_times[1], arrayFirst(m -> m > reply_times[-1], customer_times)), 'UTC') AS waiting_since
FROM
(
    SELECT
        workspace_id,
        conversation_id,
        anyIf(contact_id, action = 'opened') AS contact_id,
        anyIf(channel_phone_number_id, action = 'opened') AS channel_phone_number_id,
        minIf(event_time, action = 'opened') AS opened_at,
        argMaxIf(agent_id, event_time, action IN ('assigned', 'takeover')) AS owner_agent_id,
        argMaxIf(team_id, event_time, action = 'assigned') AS owner_team_id,
        uniqExactIf(event_id, action = 'assigned') AS assignments,
        uniqExactIf(event_id, action = 'takeover') AS takeovers,
        uniqExactIf(event_id, action = 'reply') AS replies,
        argMaxIf(action, event_time, action IN ('opened', 'resolved', 'reopened')) = 'resolved' AS resolved,
        if(resolved, maxIf(event_time, action = 'resolved'), toDateTime(0, 'UTC')) AS resolved_at,
        if(resolved, argMaxIf(actor_id, event_time, action = 'resolved'), '') AS resolved_by,
        arraySort(groupUniqArrayIf((toUInt32(event_time), agent_id, team_id, event_id), action = 'reply')) AS replies_detail,
        arrayMap(x -> x.1, replies_detail) AS reply_times,
        arraySort(groupUniqArrayIf(toUInt32(event_time), action = 'customer_message')) AS customer_times
    FROM
    (
        SELECT workspace_id, conversation_id, event_id, event_time, action, contact_id, channel_phone_number_id,
               agent_id, team_id, actor_id
          FROM agent_actions
        UNION ALL
        SELECT workspace_id, conversation_id, wamid AS event_id, toDateTime(message_time, 'UTC') AS event_time,
               'customer_message' AS action, contact_id, '' AS channel_phone_number_id, '' AS agent_id, '' AS team_id,
               '' AS actor_id
          FROM customer_messages
    )
    GROUP BY workspace_id, conversation_id
);

-- agent_replies: one row per agent reply with the wait it ended: from the first customer message after the
-- previous reply to this reply (reply_seconds = -1 when no customer message was waiting). is_first_response marks
-- the reply that answered the conversation's first customer message.
CREATE VIEW IF NOT EXISTS agent_replies AS
SELECT
    workspace_id,
    conversation_id,
    reply.2 AS agent_id,
    if(reply.3 = '', team_id, reply.3) AS team_id,
    toDateTime(reply.1, 'UTC') AS replied_at,
    if(reply.1 = 0, 0, arrayReduce('max', arrayFilter(r -> r < reply.1, reply_times))) AS previous_reply_ts,
    if(previous_reply_ts >= reply.1, 0, arrayFirst(m -> m > previous_reply_ts AND m <= reply.1, customer_times)) AS awaited_since_ts,
    if(awaited_since_ts = 0, toInt64(-1), toInt64(reply.1) - awaited_since_ts) AS reply_seconds,
    awaited_since_ts != 0 AND awaited_since_ts = customer_times[1] AS is_first_response
FROM conversation_facts
ARRAY JOIN replies_detail AS reply;

-- touches: the contact was reached by a broadcast or flow message (accepted by Meta) or clicked a tracked link.
-- A touch delivered twice appears twice; every use takes the last touch or counts distinct touch ids.
CREATE VIEW IF NOT EXISTS touches AS
SELECT workspace_id, contact_id, event_time AS touch_time, source_kind AS touch_kind,
       if(source_kind = 'broadcast', broadcast_id, flow_id) AS touch_id, message_key AS touch_key
  FROM outbound_messages
 WHERE accepted = 1 AND ((source_kind = 'broadcast' AND broadcast_id != '') OR (source_kind = 'flow' AND flow_id != ''))
UNION ALL
SELECT workspace_id, contact_id, event_time AS touch_time, 'link' AS touch_kind, link_id AS touch_id, event_id AS touch_key
  FROM link_clicks
 WHERE contact_id != '';

-- conversation_attribution: a conversation belongs to the contact's last touch in the attribution window before it
-- opened (product_settings conversation_window_seconds, default 72 hours).
CREATE VIEW IF NOT EXISTS conversation_attribution AS
SELECT
    workspace_id,
    open.2 AS conversation_id,
    toDateTime(open.1, 'UTC') AS conversation_opened_at,
    if(open.1 = 0, tuple(toUInt32(0), '', ''),
       arraySort(t -> t.1, arrayFilter(t -> t.1 <= open.1 AND t.1 + (SELECT if(count() = 0, toUInt32(259200), toUInt32OrZero(any(value)))
           FROM product_settings WHERE name = 'conversation_window_seconds') >= open.1, contact_touches))[-1]) AS touch,
    touch.2 AS attributed_kind,
    touch.3 AS attributed_id,
    toDateTime(touch.1, 'UTC') AS attributed_at
FROM
(
    SELECT
        workspace_id,
        contact_id,
        groupUniqArrayIf((toUInt32(event_time), kind, id), kind != 'open') AS contact_touches,
        groupUniqArrayIf((toUInt32(event_time), id), kind = 'open') AS opens
    FROM
    (
        SELECT workspace_id, contact_id, touch_time AS event_time, touch_kind AS kind, touch_id AS id FROM touches
        UNION ALL
        SELECT workspace_id, contact_id, event_time, 'open' AS kind, conversation_id AS id
          FROM agent_actions WHERE action = 'opened'
    )
    GROUP BY workspace_id, contact_id
)
ARRAY JOIN opens AS open
WHERE attributed_kind != '';

-- conversion_attribution: every conversion with the contact's last touch in the window before it (product_settings
-- conversion_window_seconds, default 7 days; attributed_kind '' when there was none).
CREATE VIEW IF NOT EXISTS conversion_attribution AS
SELECT
    workspace_id,
    conversion.2 AS conversion_id,
    toDateTime(conversion.1, 'UTC') AS converted_at,
    contact_id AS converting_contact_id,
    conversion.3 AS revenue,
    conversion.4 AS revenue_currency,
    if(conversion.1 = 0, tuple(toUInt32(0), '', ''),
       arraySort(t -> t.1, arrayFilter(t -> t.1 <= conversion.1 AND t.1 + (SELECT if(count() = 0, toUInt32(604800), toUInt32OrZero(any(value)))
           FROM product_settings WHERE name = 'conversion_window_seconds') >= conversion.1, contact_touches))[-1]) AS touch,
    touch.2 AS attributed_kind,
    touch.3 AS attributed_id
FROM
(
    SELECT
        workspace_id,
        contact_id,
        groupUniqArrayIf((toUInt32(event_time), kind, id), kind != 'conversion') AS contact_touches,
        groupUniqArrayIf((toUInt32(event_time), id, amount, currency), kind = 'conversion') AS conversions
    FROM
    (
        SELECT workspace_id, contact_id, touch_time AS event_time, touch_kind AS kind, touch_id AS id,
               toDecimal64(0, 4) AS amount, '' AS currency
          FROM touches
        UNION ALL
        SELECT workspace_id, contact_id, event_time, 'conversion' AS kind, conversion_id AS id,
               toDecimal64(amount, 4) AS amount, toString(currency) AS currency
          FROM conversions
    )
    GROUP BY workspace_id, contact_id
)
ARRAY JOIN conversions AS conversion;
