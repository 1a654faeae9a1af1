-- The daily digest to the team, run once a day across all instances like the other daily jobs
-- (V006), at GLOSSARY_DIGEST_HOUR in the firm's zone.
INSERT INTO daily_job (name) VALUES ('digest');

-- Not every message belongs to one inquiry: the digest speaks of many. Webhook calls are rows
-- here too (kind 'webhook'), with the same states, retries and lease as mail.
ALTER TABLE outbox ALTER COLUMN inquiry_id DROP NOT NULL;

-- Never read: unread is per staff member (lead_read, V007).
ALTER TABLE inquiry DROP COLUMN read_at;
