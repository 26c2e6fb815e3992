-- Business hours and service levels of a workspace (`scripts/wapi workspace set`). A workspace without a row is
-- open every hour of every day and has no SLA.
CREATE TABLE workspace_service_hours (
    workspace_id               text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    business_hours             text NOT NULL,                 -- weekly schedule in the organization's zone, normalized
    holidays                   date[] NOT NULL DEFAULT '{}',  -- local dates closed all day
    sla_first_response_seconds bigint CHECK (sla_first_response_seconds > 0),
    sla_resolution_seconds     bigint CHECK (sla_resolution_seconds > 0),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
