-- The language a shared poll card was posted in, so its updates keep it after a restart or on
-- another instance (it was kept in one process's memory, and updates after a restart came in
-- bokmål). NULL for cards posted before this column: those stay bokmål, as they were written.
ALTER TABLE poll_post ADD COLUMN locale text CHECK (locale IN ('nb', 'nn', 'en'));
