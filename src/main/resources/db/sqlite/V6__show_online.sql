-- "Show when I'm online": when 0 nobody is told this user's presence, last-seen time or typing.
ALTER TABLE users ADD COLUMN show_online INTEGER NOT NULL DEFAULT 1;
