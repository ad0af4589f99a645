-- The message a reply quotes, in the same conversation; NULL when the message is not a reply. The quote is read
-- with a join, so a reply shows the quoted message as it is now (edited or deleted).
ALTER TABLE messages ADD COLUMN reply_to_id TEXT;
