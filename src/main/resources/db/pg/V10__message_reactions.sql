-- One member's emoji on one message; a member puts each emoji on a message at most once. Deleting the message
-- (a tombstone) deletes its rows in the same transaction; ON DELETE CASCADE covers rows removed for good.
CREATE TABLE message_reactions (
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);
CREATE INDEX message_reactions_message ON message_reactions (message_id, created_at);
