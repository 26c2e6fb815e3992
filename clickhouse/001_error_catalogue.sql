-- The first table: the Meta error catalogue, for analysts to join failure codes to labels and fixes.
-- Loaded by `scripts/wapi migrate` from etl-readers' catalogue (replaced whole on every migrate).
CREATE TABLE IF NOT EXISTS meta_error_catalogue (
    code       Int32,
    title      String,
    label      String,
    category   String,
    retry      String,
    retryable  UInt8,
    fix        String
) ENGINE = ReplacingMergeTree
ORDER BY code;
