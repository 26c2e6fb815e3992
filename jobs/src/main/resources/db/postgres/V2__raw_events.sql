-- The append-only landing table. Nothing updates or deletes a row except retention,
-- which drops whole day partitions already loaded into ClickHouse.

CREATE SEQUENCE raw_events_id_seq AS bigint;

CREATE TABLE raw_events (
    id           bigint NOT NULL DEFAULT nextval('raw_events_id_seq'),
    received_at  timestamptz NOT NULL DEFAULT now(),
    source       text NOT NULL CHECK (source IN ('meta', 'platform')),
    workspace_id text,              -- known for platform events; Meta bodies are routed by the etl job
    route_key    text,              -- phone_number_id or WABA id of a Meta body, event_id of a platform event
    body         bytea NOT NULL,
    PRIMARY KEY (id, received_at)
) PARTITION BY RANGE (received_at);

-- Catches rows whose day partition does not exist yet; day partitions are created ahead of time.
CREATE TABLE raw_events_default PARTITION OF raw_events DEFAULT;

-- One row per accepted delivery key: a Meta body hash or a platform (workspace, event_id).
-- A repeat insert finds its key and lands nothing.
CREATE TABLE raw_event_keys (
    dedup_key    text PRIMARY KEY,
    received_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quarantine (
    raw_event_id  bigint NOT NULL,
    workspace_id  text,
    reason        text NOT NULL,
    detail        text NOT NULL,
    quarantined_at timestamptz NOT NULL DEFAULT now(),
    replayed_at   timestamptz,
    PRIMARY KEY (raw_event_id)
);
CREATE INDEX quarantine_open ON quarantine (reason) WHERE replayed_at IS NULL;

CREATE TABLE etl_watermark (
    name      text PRIMARY KEY,
    last_id   bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Creates the UTC day partitions of raw_events from first_day for the given number of days.
-- A day whose rows already sit in the default partition is left there (reported as a notice).
CREATE FUNCTION ensure_raw_event_partitions(first_day date, days int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    day date;
    created int := 0;
    part text;
BEGIN
    FOR i IN 0 .. days - 1 LOOP
        day := first_day + i;
        part := 'raw_events_' || to_char(day, 'YYYYMMDD');
        IF to_regclass(part) IS NULL THEN
            BEGIN
                EXECUTE format(
                    'CREATE TABLE %I PARTITION OF raw_events FOR VALUES FROM (%L) TO (%L)',
                    part, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
                created := created + 1;
            EXCEPTION WHEN check_violation THEN
                RAISE NOTICE 'rows of % are in raw_events_default; partition % not created', day, part;
            END;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;
