-- A staff member's language and time zone (page "My account"); NULL follows
-- the browser's Accept-Language and the server's zone.
ALTER TABLE users ADD COLUMN language TEXT;
ALTER TABLE users ADD COLUMN time_zone TEXT;
