-- Alert emails join the one send ledger (kind 'alert', scope the incident id, subject the event), like every
-- other email sent at most once.
INSERT INTO send_ledger (kind, scope, subject, state, recipients, message_id, attempts, last_error, claimed_at, finished_at)
SELECT 'alert', incident_id::text, event, state, recipient, message_id, attempts, last_error, claimed_at, finished_at
  FROM alert_ledger;

DROP TABLE alert_ledger;
