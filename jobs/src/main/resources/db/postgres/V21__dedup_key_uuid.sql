-- Dedup keys become the first 128 bits of the SHA-256 of the delivery key: a 16-byte uuid instead of ~70 bytes of
-- text, so the unique index the receiver inserts into for every webhook is a quarter of the size and compares bytes,
-- not text. The receiver derives the same value (RawRow.dedupKey); a key stored before this migration still
-- matches its repeat after it. The rewrite holds an exclusive lock on raw_event_keys for its duration (3.5 s per
-- million keys on the 2-core development machine): webhooks arriving meanwhile wait, then get 503 after the landing
-- timeout, and Meta retries them (for up to 7 days).

CREATE FUNCTION raw_event_key(delivery_key text) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT encode(substr(sha256(convert_to(delivery_key, 'UTF8')), 1, 16), 'hex')::uuid $$;

ALTER TABLE raw_event_keys ALTER COLUMN dedup_key TYPE uuid USING raw_event_key(dedup_key);
