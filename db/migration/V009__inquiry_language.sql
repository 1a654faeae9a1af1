-- The language of the page an inquiry was sent from (en, id, vi, th): its acknowledgement is written
-- in it, and staff see it so that an adviser who reads that language replies.
ALTER TABLE inquiry ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
