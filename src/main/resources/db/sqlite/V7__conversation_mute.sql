-- Until when a member has muted the conversation, in epoch ms; NULL when not muted. Muted "always" is Long.MAX_VALUE.
ALTER TABLE conversation_members ADD COLUMN muted_until INTEGER;
