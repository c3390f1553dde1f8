-- Quiet hours also cover Norwegian public holidays and, per network, 24–31 December (issue 11).
-- Both on by default: the facilitators' audience is the public sector, where those days are
-- holidays in practice. A network that wants reminders on them turns them off in its settings;
-- one that had turned weekends off gets them off too (they follow «Stille i helgene»).
ALTER TABLE reminder_settings
  ADD COLUMN quiet_holidays boolean NOT NULL DEFAULT true,
  ADD COLUMN quiet_christmas_week boolean NOT NULL DEFAULT true;
UPDATE reminder_settings SET quiet_holidays = quiet_weekends, quiet_christmas_week = quiet_weekends;
