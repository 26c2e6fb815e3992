-- Organizations, workspaces, phone numbers, users and API tokens.

CREATE TABLE organizations (
    id              text PRIMARY KEY,
    name            text NOT NULL,
    time_zone       text NOT NULL,
    owner_email     text NOT NULL,
    digest_enabled  boolean NOT NULL DEFAULT true,
    empty_day_mode  text NOT NULL DEFAULT 'send' CHECK (empty_day_mode IN ('send', 'skip')),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspaces (
    id              text PRIMARY KEY,
    organization_id text NOT NULL REFERENCES organizations (id),
    name            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, name)
);

CREATE TABLE phone_numbers (
    phone_number_id text PRIMARY KEY,
    workspace_id    text NOT NULL REFERENCES workspaces (id),
    waba_id         text,
    display_number  text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phone_numbers_waba ON phone_numbers (waba_id);
CREATE INDEX phone_numbers_workspace ON phone_numbers (workspace_id);

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id text NOT NULL REFERENCES organizations (id),
    workspace_id    text REFERENCES workspaces (id),
    email           text NOT NULL,
    role            text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_unique_membership
    ON users (organization_id, coalesce(workspace_id, ''), lower(email), role);

-- Tokens are shown once at creation; only their SHA-256 is kept.
CREATE TABLE api_tokens (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      text NOT NULL UNIQUE,
    token_prefix    text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('ingest', 'read')),
    workspace_id    text REFERENCES workspaces (id),
    organization_id text REFERENCES organizations (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    CHECK ((workspace_id IS NULL) <> (organization_id IS NULL))
);
