-- "Show when I'm online": when false nobody is told this user's presence, last-seen time or typing.
ALTER TABLE users ADD COLUMN show_online BOOLEAN NOT NULL DEFAULT TRUE;
