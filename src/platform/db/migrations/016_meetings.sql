-- The samling's Teams meeting (issue 14). A plan item's Teams link names the meeting's chat
-- thread; the meeting id and the chat come with the first event Teams sends the bot.
CREATE TABLE meeting (
  meeting_id text PRIMARY KEY CHECK (length(meeting_id) BETWEEN 1 AND 1000),
  plan_item_id uuid NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  chat_id text NOT NULL CHECK (length(chat_id) BETWEEN 1 AND 1000),
  started_at timestamptz,
  ended_at timestamptz
);

CREATE INDEX meeting_plan_item ON meeting (plan_item_id);

-- Who is or was in the meeting, from the participant join/leave events. Personal data kept only
-- while the meeting runs: at its end it becomes attendance (deltakere) and these rows go.
CREATE TABLE meeting_participant (
  meeting_id text NOT NULL REFERENCES meeting (meeting_id) ON DELETE CASCADE,
  aad_object_id text NOT NULL CHECK (length(aad_object_id) BETWEEN 1 AND 128 AND aad_object_id = lower(aad_object_id)),
  display_name text CHECK (length(display_name) BETWEEN 1 AND 200),
  first_joined_at timestamptz NOT NULL,
  -- Minutes in the meeting before the current stay (a rejoin adds to it).
  earlier_minutes integer NOT NULL DEFAULT 0 CHECK (earlier_minutes >= 0),
  joined_at timestamptz,
  PRIMARY KEY (meeting_id, aad_object_id)
);
