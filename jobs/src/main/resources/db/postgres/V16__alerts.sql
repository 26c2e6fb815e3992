-- Operational alerts (`scripts/wapi alerts`). A workspace without a settings row is evaluated with the defaults.
CREATE TABLE alert_settings (
    workspace_id          text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    delivery_drop_points  int NOT NULL CHECK (delivery_drop_points BETWEEN 1 AND 100),
    min_volume            int NOT NULL CHECK (min_volume >= 1),
    delivery_window_secs  bigint NOT NULL CHECK (delivery_window_secs > 0),
    error_spike_factor    numeric NOT NULL CHECK (error_spike_factor >= 1),
    error_spike_min       int NOT NULL CHECK (error_spike_min >= 1),
    etl_lag_secs          bigint NOT NULL CHECK (etl_lag_secs > 0),
    quarantine_growth     int NOT NULL CHECK (quarantine_growth >= 1),
    webhook_url           text,
    webhook_secret        text,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- One incident per (workspace, rule, subject) at a time: the partial unique index is what keeps racing
-- evaluators from opening it twice.
CREATE TABLE alert_incidents (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id     text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    rule             text NOT NULL,
    subject          text NOT NULL,
    summary          text NOT NULL,
    figures          jsonb NOT NULL,           -- the figures that opened it
    opened_at        timestamptz NOT NULL,
    resolved_at      timestamptz,
    resolved_summary text,
    resolved_figures jsonb
);
CREATE UNIQUE INDEX alert_incidents_open ON alert_incidents (workspace_id, rule, md5(subject)) WHERE resolved_at IS NULL;
CREATE INDEX alert_incidents_workspace ON alert_incidents (workspace_id, opened_at);

-- The send ledger of alert emails: one "opened" and one "resolved" email per incident, claimed before the SMTP
-- hand-off (mail.SendOnce), the same shape as digest_ledger.
CREATE TABLE alert_ledger (
    incident_id   bigint NOT NULL REFERENCES alert_incidents (id) ON DELETE CASCADE,
    event         text NOT NULL CHECK (event IN ('opened', 'resolved')),
    state         text NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'failed', 'uncertain')),
    message_id    text,
    recipient     text,
    attempts      int NOT NULL DEFAULT 1,
    last_error    text,
    claimed_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    PRIMARY KEY (incident_id, event)
);

-- Webhook deliveries of the same two events, retried on each evaluation until the endpoint answers 2xx.
-- claimed_until keeps racing evaluators from posting the same event at the same moment.
CREATE TABLE alert_webhooks (
    incident_id   bigint NOT NULL REFERENCES alert_incidents (id) ON DELETE CASCADE,
    event         text NOT NULL CHECK (event IN ('opened', 'resolved')),
    url           text NOT NULL,
    attempts      int NOT NULL DEFAULT 0,
    last_status   int,
    last_error    text,
    claimed_until timestamptz,
    delivered_at  timestamptz,
    PRIMARY KEY (incident_id, event)
);
