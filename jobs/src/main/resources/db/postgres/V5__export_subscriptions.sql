-- Managers' scheduled CSV exports, and what was mailed: one email per subscription per period.
CREATE TABLE export_subscriptions (
    id            bigserial PRIMARY KEY,
    workspace_id  text NOT NULL REFERENCES workspaces (id),
    email         text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('broadcasts', 'conversations')),
    cadence       text NOT NULL CHECK (cadence IN ('daily', 'weekly')),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, email, kind, cadence)
);

-- Claimed (committed) before the mail goes to SMTP, like digest_ledger.
CREATE TABLE export_ledger (
    subscription_id  bigint NOT NULL REFERENCES export_subscriptions (id),
    period_start     date NOT NULL,
    period_end       date NOT NULL,
    state            text NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'failed')),
    message_id       text,
    rows_exported    bigint,
    attempts         int NOT NULL DEFAULT 1,
    last_error       text,
    claimed_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    PRIMARY KEY (subscription_id, period_start)
);
