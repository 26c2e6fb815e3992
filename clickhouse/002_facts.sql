-- Fact tables, one per event family. Every row carries workspace_id and its event time (UTC).
-- Engines make a re-inserted fact harmless: ReplacingMergeTree keyed by the fact's natural id (the ORDER BY),
-- so read with FINAL (or argMax) to count each fact once. Monthly partitions; workspace first in the sort key.

CREATE TABLE IF NOT EXISTS message_status (
    workspace_id             String,
    wamid                    String,
    status                   String,
    event_time               DateTime('UTC'),
    contact_id               String,
    recipient_user_id        String,
    phone_number_id          String,
    error_code               Int32,
    error_subcode            Int32,
    error_title              String,
    error_message            String,
    error_details            String,
    pricing_category         String,
    pricing_type             String,
    pricing_model            String,
    billable                 UInt8,
    conversation_id          String,
    conversation_origin      String,
    biz_opaque_callback_data String,
    raw_event_id             UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, wamid, status);

CREATE TABLE IF NOT EXISTS outbound_messages (
    workspace_id   String,
    message_key    String,
    event_id       String,
    wamid          String,
    contact_id     String,
    event_time     DateTime('UTC'),
    accepted       UInt8,
    source_kind    String,
    broadcast_id   String,
    flow_id        String,
    flow_run_id    String,
    agent_id       String,
    link_id        String,
    retry_of       String,
    template_name  String,
    error_code     Int32,
    error_subcode  Int32,
    error_title    String,
    error_message  String,
    raw_event_id   UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, message_key);

CREATE TABLE IF NOT EXISTS inbound_messages (
    workspace_id            String,
    wamid                   String,
    contact_id              String,
    contact_wa_id           String,
    contact_user_id         String,
    profile_name            String,
    event_time              DateTime('UTC'),
    message_type            String,
    phone_number_id         String,
    context_wamid           String,
    context_forwarded       UInt8,
    button_payload          String,
    button_text             String,
    interactive_type        String,
    interactive_reply_id    String,
    interactive_reply_title String,
    referral_source_id      String,
    referral_source_type    String,
    referral_source_url     String,
    ctwa_clid               String,
    text_body               String,
    error_code              Int32,
    raw_event_id            UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, wamid);

CREATE TABLE IF NOT EXISTS broadcasts (
    workspace_id   String,
    broadcast_id   String,
    event_id       String,
    event_time     DateTime('UTC'),
    name           String,
    template_name  String,
    category       String,
    audience_size  UInt64,
    created_by     String,
    raw_event_id   UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, broadcast_id);

CREATE TABLE IF NOT EXISTS retries (
    workspace_id    String,
    event_id        String,
    event_time      DateTime('UTC'),
    broadcast_id    String,
    contact_id      String,
    original_wamid  String,
    reason_code     Int32,
    attempt         UInt16,
    due_at          DateTime('UTC'),
    raw_event_id    UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, event_id);

-- The audit log of conversations: every assignment, takeover, reply, resolution and reopening, with its actor.
CREATE TABLE IF NOT EXISTS agent_actions (
    workspace_id            String,
    event_id                String,
    event_time              DateTime('UTC'),
    action                  String,
    conversation_id         String,
    contact_id              String,
    channel_phone_number_id String,
    agent_id                String,
    team_id                 String,
    actor_id                String,
    from_agent_id           String,
    from_bot                UInt8,
    wamid                   String,
    raw_event_id            UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, event_time, event_id);

CREATE TABLE IF NOT EXISTS flow_events (
    workspace_id  String,
    event_id      String,
    event_time    DateTime('UTC'),
    kind          String,
    flow_id       String,
    flow_run_id   String,
    step_id       String,
    step_name     String,
    status        String,
    input         String,
    output        String,
    outcome       String,
    raw_event_id  UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, event_time, event_id);

CREATE TABLE IF NOT EXISTS link_clicks (
    workspace_id  String,
    event_id      String,
    event_time    DateTime('UTC'),
    link_id       String,
    click_id      String,
    source        String,
    medium        String,
    campaign      String,
    device        String,
    os            String,
    browser       String,
    country       String,
    region        String,
    city          String,
    contact_id    String,
    raw_event_id  UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, event_time, event_id);

CREATE TABLE IF NOT EXISTS conversions (
    workspace_id   String,
    event_id       String,
    event_time     DateTime('UTC'),
    conversion_id  String,
    contact_id     String,
    amount         Decimal(18, 4),
    currency       FixedString(3),
    ref_kind       String,
    ref_id         String,
    raw_event_id   UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, event_time, event_id);

CREATE TABLE IF NOT EXISTS template_events (
    workspace_id      String,
    waba_id           String,
    event_time        DateTime('UTC'),
    kind              String,
    template_id       String,
    template_name     String,
    language          String,
    event             String,
    reason            String,
    previous_quality  String,
    new_quality       String,
    category          String,
    detail            String,
    raw_event_id      UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, template_id, kind, event, event_time);

CREATE TABLE IF NOT EXISTS account_events (
    workspace_id     String,
    waba_id          String,
    phone_number_id  String,
    event_time       DateTime('UTC'),
    field            String,
    event            String,
    detail           String,
    error_code       Int32,
    raw_event_id     UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (workspace_id, field, event, event_time, cityHash64(detail));
