-- One-time sign-in links (Spring Security's JdbcOneTimeTokenService), shared by every serve process: a link
-- requested from one process signs in on another. A row is deleted when its link is used.
CREATE TABLE one_time_tokens (
    token_value text PRIMARY KEY,
    username    text NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX one_time_tokens_expiry ON one_time_tokens (expires_at);
CREATE INDEX users_email ON users (lower(email));  -- a sign-in looks a person up by address
