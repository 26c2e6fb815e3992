-- Every administrative change: who, what, before and after, when. No foreign keys: the trail outlives what it names.
CREATE TABLE admin_audit (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    organization_id text,
    workspace_id    text,
    action          text NOT NULL,
    target          text NOT NULL,
    before          jsonb,
    after           jsonb
);
CREATE INDEX admin_audit_org_at ON admin_audit (organization_id, at);
CREATE INDEX admin_audit_at ON admin_audit (at);
