-- Rollup rows are updated in place by every batch that touches their bucket; free space on each
-- page lets PostgreSQL do those updates as HOT updates (no new index entries).
alter table usage_rollup_minute set (fillfactor = 80);
alter table usage_rollup_hour set (fillfactor = 70);
alter table usage_rollup_day set (fillfactor = 70);
