-- 'uncertain': the SMTP server may have taken the email (the connection failed after the message was handed over).
-- Like a claim never confirmed, it is not sent again automatically; only an operator's --resend releases it.
ALTER TABLE digest_ledger DROP CONSTRAINT digest_ledger_state_check;
ALTER TABLE digest_ledger ADD CONSTRAINT digest_ledger_state_check
    CHECK (state IN ('claimed', 'sent', 'skipped', 'failed', 'uncertain'));

ALTER TABLE export_ledger DROP CONSTRAINT export_ledger_state_check;
ALTER TABLE export_ledger ADD CONSTRAINT export_ledger_state_check
    CHECK (state IN ('claimed', 'sent', 'skipped', 'failed', 'uncertain'));

ALTER TABLE campaign_email_ledger DROP CONSTRAINT campaign_email_ledger_state_check;
ALTER TABLE campaign_email_ledger ADD CONSTRAINT campaign_email_ledger_state_check
    CHECK (state IN ('claimed', 'sent', 'skipped', 'failed', 'uncertain'));
ALTER TABLE campaign_email_ledger ADD COLUMN attempts int NOT NULL DEFAULT 1;

-- Broadcast ids come from the platform and may be longer than a btree entry takes (about 2,700 bytes):
-- the key is the id's hash, the id itself stays in the row.
ALTER TABLE campaign_email_ledger DROP CONSTRAINT campaign_email_ledger_pkey;
CREATE UNIQUE INDEX campaign_email_ledger_key ON campaign_email_ledger (workspace_id, md5(broadcast_id));
