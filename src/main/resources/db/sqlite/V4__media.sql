CREATE TABLE media (
    id             TEXT PRIMARY KEY,
    owner_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('avatar', 'message')),
    content_type   TEXT NOT NULL,
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    size           INTEGER NOT NULL,
    url            TEXT NOT NULL,
    thumbnail_url  TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    attached_at    INTEGER
);
CREATE INDEX media_unattached ON media (created_at) WHERE attached_at IS NULL;

ALTER TABLE messages ADD COLUMN image_id TEXT REFERENCES media (id) ON DELETE SET NULL;
CREATE INDEX messages_image ON messages (image_id);
