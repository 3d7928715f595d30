-- Names are limited in characters (teachbox.limits.max-name-length, 40 by default), but H2 counts
-- a VARCHAR's length in UTF-16 units, where an emoji takes two; PostgreSQL counts characters.
-- 40 emoji as a class name did not fit in 60. Class names now have the room project names have:
-- 120 holds 60 characters of any kind on both databases.
ALTER TABLE image_class ALTER COLUMN name SET DATA TYPE VARCHAR(120);
