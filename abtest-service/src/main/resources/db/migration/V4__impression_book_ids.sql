-- The books each list showed, top first, so that a click, open or finish counts for a list only when its book was
-- on it. Lists recorded before have none: only upgrades still count for them.
alter table impression add column book_ids text[];
