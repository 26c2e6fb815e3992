-- What was mailed, so that no retry, restart or racing process ever sends a digest twice.
-- A row is claimed (committed) before the mail is handed to SMTP; 'claimed' left behind means a crash between
-- claim and confirmation: the mail may or may not have gone, so only an explicit resend sends it again.
CREATE TABLE digest_ledger (
    organization_id  text NOT NULL REFERENCES organizations (id),
    digest_date      date NOT NULL,
    state            text NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'failed')),
    message_id       text,
    recipient        text,
    attempts         int NOT NULL DEFAULT 1,
    last_error       text,
    claimed_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    PRIMARY KEY (organization_id, digest_date)
);

-- One completion email per broadcast to the workspace's admins.
CREATE TABLE campaign_email_ledger (
    workspace_id     text NOT NULL REFERENCES workspaces (id),
    broadcast_id     text NOT NULL,
    state            text NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
    message_id       text,
    recipients       text,
    last_error       text,
    claimed_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    PRIMARY KEY (workspace_id, broadcast_id)
);
