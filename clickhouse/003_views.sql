-- Views that implement docs/definitions.md once, for analysts and for every report, the digest and the exports.

-- message_state: one row per targeted message (message.sent or message.send_failed) with its final state,
-- whatever order its statuses arrived in and however often each was delivered. A status that arrives before its
-- message.sent waits here until the send event lands; statuses of messages this product did not send are ignored.
CREATE VIEW IF NOT EXISTS message_state AS
SELECT
    workspace_id,
    message_key,
    anyIf(wamid, is_outbound = 1) AS wamid,
    anyIf(contact_id, is_outbound = 1) AS contact_id,
    anyIf(event_time, is_outbound = 1) AS sent_at,
    anyIf(source_kind, is_outbound = 1) AS source_kind,
    anyIf(broadcast_id, is_outbound = 1) AS broadcast_id,
    anyIf(flow_id, is_outbound = 1) AS flow_id,
    anyIf(flow_run_id, is_outbound = 1) AS flow_run_id,
    anyIf(agent_id, is_outbound = 1) AS agent_id,
    anyIf(link_id, is_outbound = 1) AS link_id,
    anyIf(retry_of, is_outbound = 1) AS retry_of,
    anyIf(template_name, is_outbound = 1) AS template_name,
    anyIf(accepted, is_outbound = 1) AS accepted,
    max(status = 'read') AS has_read,
    max(status IN ('delivered', 'read')) AS has_delivered,
    max(status = 'failed') AS has_failed,
    max(status = 'sent') AS has_sent,
    multiIf(has_read = 1, 'read',
            has_delivered = 1, 'delivered',
            accepted = 0 OR has_failed = 1, 'failed',
            has_sent = 1, 'sent',
            'accepted') AS state,
    if(accepted = 0, anyIf(error_code, is_outbound = 1), argMaxIf(error_code, event_time, status = 'failed')) AS failure_code,
    if(accepted = 0, anyIf(error_subcode, is_outbound = 1), argMaxIf(error_subcode, event_time, status = 'failed')) AS failure_subcode,
    if(accepted = 0, anyIf(error_title, is_outbound = 1), argMaxIf(error_title, event_time, status = 'failed')) AS failure_title,
    if(accepted = 0, anyIf(error_message, is_outbound = 1), argMaxIf(error_message, event_time, status = 'failed')) AS failure_message,
    argMaxIf(error_details, event_time, status = 'failed') AS failure_details,
    if(accepted = 0, sent_at, minIf(event_time, status = 'failed')) AS failed_at,
    minIf(event_time, status IN ('delivered', 'read')) AS delivered_at,
    minIf(event_time, status = 'read') AS read_at
FROM
(
    SELECT workspace_id, message_key, toUInt8(1) AS is_outbound, wamid, contact_id, event_time, source_kind,
           broadcast_id, flow_id, flow_run_id, agent_id, link_id, retry_of, template_name, accepted,
           '' AS status, error_code, error_subcode, error_title, error_message, '' AS error_details
      FROM outbound_messages
    UNION ALL
    SELECT workspace_id, wamid AS message_key, toUInt8(0) AS is_outbound, wamid, contact_id, event_time,
           '' AS source_kind, '' AS broadcast_id, '' AS flow_id, '' AS flow_run_id, '' AS agent_id, '' AS link_id,
           '' AS retry_of, '' AS template_name, toUInt8(0) AS accepted,
           status, error_code, error_subcode, error_title, error_message, error_details
      FROM message_status
)
GROUP BY workspace_id, message_key
HAVING max(is_outbound) = 1;

-- broadcast_funnel: targeted -> sent -> delivered -> read, and failed, per broadcast.
-- delivery_rate = delivered / targeted; read_rate = read / delivered.
CREATE VIEW IF NOT EXISTS broadcast_funnel AS
SELECT
    workspace_id,
    broadcast_id,
    count() AS targeted,
    sum(accepted) AS sent,
    sum(has_delivered) AS delivered,
    sum(has_read) AS read,
    countIf(state = 'failed') AS failed,
    if(targeted = 0, 0, delivered / targeted) AS delivery_rate,
    if(delivered = 0, 0, read / delivered) AS read_rate,
    min(sent_at) AS first_sent_at,
    max(sent_at) AS last_sent_at
FROM message_state
WHERE source_kind = 'broadcast' AND broadcast_id != ''
GROUP BY workspace_id, broadcast_id;
