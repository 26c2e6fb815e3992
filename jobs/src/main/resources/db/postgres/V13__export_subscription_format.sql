-- The file a scheduled export attaches: CSV (the default, as before) or an .xlsx workbook.
ALTER TABLE export_subscriptions
    ADD COLUMN format text NOT NULL DEFAULT 'csv' CHECK (format IN ('csv', 'xlsx'));
