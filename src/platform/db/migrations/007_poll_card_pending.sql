-- A shared poll card that still has to be updated in Teams (issue 9): set when a vote makes
-- it stale, cleared once an update showing a newer tally went through. What is still set
-- when the server stops (or after a crash, or a Bot Connector that stayed unreachable) is
-- updated at the next start.
ALTER TABLE poll_post ADD COLUMN card_pending boolean NOT NULL DEFAULT false;
CREATE INDEX poll_post_card_pending ON poll_post (poll_id) WHERE card_pending;
