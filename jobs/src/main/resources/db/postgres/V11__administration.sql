-- Administration after day one: token expiry and last use, and the history of each phone number's workspace.

ALTER TABLE api_tokens
    ADD COLUMN expires_at   timestamptz,
    ADD COLUMN last_used_at timestamptz;

-- Which workspace a phone number routed to, when: the etl routes each Meta event by its raw_events.received_at.
-- valid_to is null while the mapping is in force. A number's first mapping is valid from -infinity, and a number
-- added again after a removal is valid from the removal, so events received before (or while it was removed) are
-- routed, or replayed from quarantine, to the workspace it is added to.
CREATE TABLE phone_number_routes (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_number_id text NOT NULL,
    workspace_id    text NOT NULL REFERENCES workspaces (id),
    waba_id         text,
    valid_from      timestamptz NOT NULL,
    valid_to        timestamptz,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX phone_number_routes_current ON phone_number_routes (phone_number_id) WHERE valid_to IS NULL;
CREATE INDEX phone_number_routes_number ON phone_number_routes (phone_number_id, valid_from);
CREATE INDEX phone_number_routes_waba ON phone_number_routes (waba_id, valid_from);

INSERT INTO phone_number_routes (phone_number_id, workspace_id, waba_id, valid_from)
SELECT phone_number_id, workspace_id, waba_id, '-infinity' FROM phone_numbers;
