-- Spring Integration's JDBC channel message store (its schema-postgresql.sql, the channel table only): the etl's
-- remote partitioning (wapi.etl.workers=remote) queues one step execution request per partition here, in the
-- database of the job repository, and etl-worker processes take them (delete ... returning, skip locked).
CREATE SEQUENCE int_message_seq START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE int_channel_message (
    message_id       char(36) NOT NULL,
    group_key        char(36) NOT NULL,
    created_date     bigint NOT NULL,
    message_priority bigint,
    message_sequence bigint NOT NULL DEFAULT nextval('int_message_seq'),
    message_content  bytea,
    region           varchar(100) NOT NULL,
    CONSTRAINT int_channel_message_pk PRIMARY KEY (region, group_key, created_date, message_sequence)
);

CREATE INDEX int_channel_msg_delete_idx ON int_channel_message (region, group_key, message_id);
