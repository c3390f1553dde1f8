-- Each person's language (issue 11). preferred_locale is what they chose themselves (the tab's
-- language switch or the bot's «språk» command); teams_locale is the last locale their Teams
-- client sent, so a proactive message (no activity to read it from) is still in their language.
ALTER TABLE member
  ADD COLUMN preferred_locale text CHECK (preferred_locale IN ('nb', 'nn', 'en')),
  ADD COLUMN teams_locale text CHECK (length(teams_locale) <= 20);
