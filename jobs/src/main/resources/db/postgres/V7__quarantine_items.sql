-- A Meta body is a batch: each item that cannot become a fact (a status, a message, a change for an unknown
-- number) is quarantined alone, named by its path in the body, e.g. entry[1].changes[0].messages[3].
-- Rows from before keep '' : the whole body.
ALTER TABLE quarantine ADD COLUMN item_path text NOT NULL DEFAULT '';
ALTER TABLE quarantine DROP CONSTRAINT quarantine_pkey;
ALTER TABLE quarantine ADD PRIMARY KEY (raw_event_id, item_path);
