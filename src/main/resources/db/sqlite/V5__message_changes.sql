ALTER TABLE conversations ADD COLUMN last_change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN edited_at INTEGER;
ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
ALTER TABLE messages ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;

CREATE TABLE message_changes (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    change_seq      INTEGER NOT NULL,
    message_id      TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    changed_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, change_seq)
);
