-- The email address as compared (lower case), so every lead of one person is found through an
-- index: to erase a person, and to answer their access request. NULL once erased.
ALTER TABLE inquiry ADD COLUMN email_key VARCHAR(254);
UPDATE inquiry SET email_key = LOWER(email) WHERE email <> '[erased]';
CREATE INDEX inquiry_email_key ON inquiry (email_key);
