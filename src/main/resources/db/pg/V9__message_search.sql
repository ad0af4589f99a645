-- Full-text index over the text of messages that are not deleted. The 'simple' configuration lower-cases and
-- splits words without stemming or stop words, so every language is searchable alike. Search queries use exactly
-- this expression and predicate, so the planner picks the index.
CREATE INDEX messages_text_search ON messages USING GIN (to_tsvector('simple'::regconfig, text)) WHERE deleted_at IS NULL;
