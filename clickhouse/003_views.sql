-- Views that implement DESIGN.md section 4 once, for analysts and for every report.
-- message_state: one row per targeted message (message.sent or message.send_failed) with its final state,
-- whatever order its statuses arrived in and however often each was delivered.
CREATE VIEW IF NOT EXISTS message_state AS
SELECT
    workspace_id,
    message_key,
    wamid,
    contact_id,
    event_time AS sent_at,
    source_kind,
    broadcast_id,
    flow_id,
    flow_run_id,
    agent_id,
    link_id,
    retry_of,
    template_name,
    accepted,
    has_read,
    has_delivered,
    multiIf(has_read = 1, 'read',
            has_delivered = 1, 'delivered',
            accepted = 0 OR has_failed = 1, 'failed',
            has_sent = 1, 'sent',
            'accepted') AS state,
    if(accepted = 0, error_code, status_error_code) AS failure_code,
    if(accepted = 0, error_subcode, status_error_subcode) AS failure_subcode,
    if(accepted = 0, error_title, status_error_title) AS failure_title,
    if(accepted = 0, error_message, status_error_message) AS failure_message,
    status_error_details AS failure_details,
    delivered_at,
    read_at,
    failed_at
FROM outbound_messages FINAL
ANY LEFT JOIN
(
    SELECT
        workspace_id,
        wamid,
        max(status = 'read') AS has_read,
        max(status IN ('delivered', 'read')) AS has_delivered,
        max(status = 'failed') AS has_failed,
        max(status = 'sent') AS has_sent,
        argMaxIf(error_code, event_time, status = 'failed') AS status_error_code,
        argMaxIf(error_subcode, event_time, status = 'failed') AS status_error_subcode,
        argMaxIf(error_title, event_time, status = 'failed') AS status_error_title,
        argMaxIf(error_message, event_time, status = 'failed') AS status_error_message,
        argMaxIf(error_details, event_time, status = 'failed') AS status_error_details,
        minIf(event_time, status IN ('delivered', 'read')) AS delivered_at,
        minIf(event_time, status = 'read') AS read_at,
        minIf(event_time, status = 'failed') AS failed_at
    FROM message_status
    GROUP BY workspace_id, wamid
) USING (workspace_id, wamid);

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
