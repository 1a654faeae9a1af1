-- One row per form token that brought an inquiry, written in the inquiry's transaction: the
-- database, which every instance shares, decides that a token is used once. A repeat of the same
-- submission is answered with the first one's reference (fingerprint: a hash of what was sent,
-- NULL once the inquiry is erased). Rows older than a token's 24 h lifetime are no longer needed.
CREATE TABLE form_token_use (
    nonce       VARCHAR(32) PRIMARY KEY,
    inquiry_id  BIGINT REFERENCES inquiry (id),
    fingerprint VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX form_token_use_inquiry ON form_token_use (inquiry_id);
