-- broadcast_funnel for analysts, with pending: targeted messages Meta accepted that are neither delivered nor failed
-- yet (no status, or only sent), so that targeted = delivered + failed + pending. The product's reports compute the
-- same figures in report.Funnels; a test checks that this view agrees with them.
-- DROP TABLE drops a view on 18.16 (which has no DROP VIEW) and on current releases.
DROP TABLE IF EXISTS broadcast_funnel;

CREATE VIEW broadcast_funnel AS
SELECT
    workspace_id,
    broadcast_id,
    count() AS targeted,
    sum(accepted) AS sent,
    sum(has_delivered) AS delivered,
    sum(has_read) AS read,
    countIf(state = 'failed') AS failed,
    countIf(state IN ('sent', 'accepted')) AS pending,
    if(targeted = 0, 0, delivered / targeted) AS delivery_rate,
    if(delivered = 0, 0, read / delivered) AS read_rate,
    min(sent_at) AS first_sent_at,
    max(sent_at) AS last_sent_at
FROM message_state
WHERE source_kind = 'broadcast' AND broadcast_id != ''
GROUP BY workspace_id, broadcast_id;
