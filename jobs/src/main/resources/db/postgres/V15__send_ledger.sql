-- One send ledger for every email sent at most once: digests, campaign completion emails, scheduled exports and
-- alerts. A row is claimed (committed) before the SMTP hand-off and confirmed after it (see mail.SendOnce).
-- The natural key of an email is (kind, scope, subject):
--   digest:   the organization id, the local date (YYYY-MM-DD)       -> one digest per organization per day
--   campaign: the workspace id, the broadcast id                      -> one email per broadcast of a workspace
--   export:   the subscription id, the period's first day (YYYY-MM-DD) -> one export per subscription per period
--   alert:    the alerting feature's own scope and subject
-- Broadcast ids come from the platform and may be longer than a btree entry takes: the key holds the subject's hash.
CREATE TABLE send_ledger (
    kind         text NOT NULL CHECK (kind IN ('digest', 'campaign', 'export', 'alert')),
    scope        text NOT NULL,
    subject      text NOT NULL,
    state        text NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'failed', 'uncertain')),
    recipients   text,
    message_id   text,
    detail       text,
    attempts     int NOT NULL DEFAULT 1,
    last_error   text,
    claimed_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE UNIQUE INDEX send_ledger_key ON send_ledger (kind, scope, md5(subject));
CREATE INDEX send_ledger_uncertain ON send_ledger (kind) WHERE state = 'uncertain';

INSERT INTO send_ledger (kind, scope, subject, state, recipients, message_id, attempts, last_error, claimed_at, finished_at)
SELECT 'digest', organization_id, digest_date::text, state, recipient, message_id, attempts, last_error, claimed_at,
       finished_at
  FROM digest_ledger;

INSERT INTO send_ledger (kind, scope, subject, state, recipients, message_id, attempts, last_error, claimed_at, finished_at)
SELECT 'campaign', workspace_id, broadcast_id, state, recipients, message_id, attempts, last_error, claimed_at,
       finished_at
  FROM campaign_email_ledger;

INSERT INTO send_ledger (kind, scope, subject, state, recipients, message_id, detail, attempts, last_error, claimed_at,
                         finished_at)
SELECT 'export', l.subscription_id::text, l.period_start::text, l.state, s.email, l.message_id,
       'period ' || l.period_start || '..' || l.period_end
           || coalesce(', ' || l.rows_exported || ' rows', ''),
       l.attempts, l.last_error, l.claimed_at, l.finished_at
  FROM export_ledger l JOIN export_subscriptions s ON s.id = l.subscription_id;

DROP TABLE digest_ledger;
DROP TABLE campaign_email_ledger;
DROP TABLE export_ledger;
