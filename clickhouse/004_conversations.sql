-- Conversations, response times and attribution (DESIGN.md section 4), built from the audit log (agent_actions),
-- the customers' inbound messages and the touches (broadcast and flow messages, tracked-link clicks).

-- A note for whoever edits these views: a column used inside a lambda is also named outside it in the same
-- expression (if(x = 0, ...)), because ClickHouse 18.16 drops columns captured only by lambdas when it prunes
-- the columns a query does not select.

-- customer_messages: each inbound customer message with the conversation it belongs to: the contact's latest
-- conversation opened no later than 10 minutes after the message (the message that opens a conversation arrives
-- just before the platform's conversation.opened event).
CREATE VIEW IF NOT EXISTS customer_messages AS
SELECT workspace_id, contact_id, wamid, message_time, conversation_id
FROM
(
    SELECT
        workspace_id,
        contact_id,
        wamid,
        toUInt32(event_time) AS message_time,
        if(event_time = 0, '', arrayFilter(o -> o.1 <= toUInt32(event_time) + 600, opens)[-1].2) AS conversation_id
    FROM (SELECT workspace_id, contact_id, wamid, event_time FROM inbound_messages FINAL)
    ALL INNER JOIN
    (
        SELECT workspace_id, contact_id, arraySort(groupArray((toUInt32(event_time), conversation_id))) AS opens
          FROM agent_actions FINAL
         WHERE action = 'opened'
         GROUP BY workspace_id, contact_id
    ) USING (workspace_id, contact_id)
)
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
        countIf(action = 'assigned') AS assignments,
        countIf(action = 'takeover') AS takeovers,
        countIf(action = 'reply') AS replies,
        argMaxIf(action, event_time, action IN ('opened', 'resolved', 'reopened')) = 'resolved' AS resolved,
        if(resolved, maxIf(event_time, action = 'resolved'), toDateTime(0, 'UTC')) AS resolved_at,
        if(resolved, argMaxIf(actor_id, event_time, action = 'resolved'), '') AS resolved_by,
        arraySort(groupArrayIf((toUInt32(event_time), agent_id, team_id), action = 'reply')) AS replies_detail,
        arrayMap(x -> x.1, replies_detail) AS reply_times
    FROM agent_actions FINAL
    GROUP BY workspace_id, conversation_id
)
ANY LEFT JOIN
(
    SELECT workspace_id, conversation_id, arraySort(groupArray(message_time)) AS customer_times
      FROM customer_messages
     GROUP BY workspace_id, conversation_id
) USING (workspace_id, conversation_id);

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
CREATE VIEW IF NOT EXISTS touches AS
SELECT workspace_id, contact_id, event_time AS touch_time, source_kind AS touch_kind,
       if(source_kind = 'broadcast', broadcast_id, flow_id) AS touch_id
  FROM outbound_messages FINAL
 WHERE accepted = 1 AND ((source_kind = 'broadcast' AND broadcast_id != '') OR (source_kind = 'flow' AND flow_id != ''))
UNION ALL
SELECT workspace_id, contact_id, event_time AS touch_time, 'link' AS touch_kind, link_id AS touch_id
  FROM link_clicks FINAL
 WHERE contact_id != '';

-- conversation_attribution: a conversation belongs to the contact's last touch in the 72 hours before it opened.
CREATE VIEW IF NOT EXISTS conversation_attribution AS
SELECT
    workspace_id,
    conversation_id,
    min(opened_at) AS conversation_opened_at,
    argMax((touch_kind, touch_id, touch_time), touch_time) AS touch,
    touch.1 AS attributed_kind,
    touch.2 AS attributed_id,
    touch.3 AS attributed_at
FROM
(
    SELECT workspace_id, conversation_id, any(contact_id) AS contact_id, min(event_time) AS opened_at
      FROM agent_actions FINAL
     WHERE action = 'opened'
     GROUP BY workspace_id, conversation_id
)
ALL INNER JOIN touches USING (workspace_id, contact_id)
WHERE touch_time <= opened_at AND touch_time >= opened_at - 259200
GROUP BY workspace_id, conversation_id;

-- conversion_attribution: every conversion with the contact's last touch in the 7 days before it
-- (touch_kind '' when there was none).
CREATE VIEW IF NOT EXISTS conversion_attribution AS
SELECT
    workspace_id,
    conversion_id,
    any(event_time) AS converted_at,
    any(contact_id) AS converting_contact_id,
    any(amount) AS revenue,
    any(currency) AS revenue_currency,
    argMax((touch_kind, touch_id), if(in_window, touch_time, toDateTime(0, 'UTC'))) AS touch,
    if(max(in_window) = 1, touch.1, '') AS attributed_kind,
    if(attributed_kind = '', '', touch.2) AS attributed_id
FROM
(
    SELECT workspace_id, conversion_id, contact_id, event_time, amount, currency, touch_kind, touch_id, touch_time,
           touch_time <= event_time AND touch_time >= event_time - 604800 AS in_window
    FROM (SELECT workspace_id, conversion_id, contact_id, event_time, amount, currency FROM conversions FINAL)
    ALL LEFT JOIN touches USING (workspace_id, contact_id)
)
GROUP BY workspace_id, conversion_id;
