-- Full-text index over the text of messages that are not deleted. External content: the text stays in messages
-- only; the index holds the tokens, keyed by the message row's rowid. Kept in step by the triggers below: an edit
-- replaces the tokens, a delete (deleted_at set, text emptied) removes them.
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content = 'messages', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.deleted_at IS NULL BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- the 'delete' command must be given exactly the text that was indexed: the old text while the row was not deleted
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, deleted_at ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.deleted_at IS NULL;
    INSERT INTO messages_fts (rowid, text) SELECT new.rowid, new.text WHERE new.deleted_at IS NULL;
END;

INSERT INTO messages_fts (rowid, text) SELECT rowid, text FROM messages WHERE deleted_at IS NULL;
