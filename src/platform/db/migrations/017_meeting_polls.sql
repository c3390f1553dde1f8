-- Polls in the samling's Teams meeting (issue 14). A poll can be set to open when the meeting
-- starts (its planned open is then the fallback if Teams sends no start event).
ALTER TABLE poll ADD COLUMN opens_at_meeting_start boolean NOT NULL DEFAULT false;

-- In-meeting notifications sent, so the per-meeting limit holds across app instances.
CREATE TABLE meeting_notification (
  meeting_id text NOT NULL REFERENCES meeting (meeting_id) ON DELETE CASCADE,
  poll_id uuid REFERENCES poll (id) ON DELETE SET NULL,
  sent_at timestamptz NOT NULL
);

CREATE INDEX meeting_notification_recent ON meeting_notification (meeting_id, sent_at);
