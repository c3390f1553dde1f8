-- Anonymous polls store the breakdown dimensions (municipality, sector) only when the poll asks
-- for them (issue 9). PostgreSQL 15 SQL that also runs on PGlite.
--
-- Polls created before this keep 'both': their answers already carry municipality and sector,
-- and their before/after comparison per municipality keeps working.
ALTER TABLE poll
  ADD COLUMN breakdown text NOT NULL DEFAULT 'both' CHECK (breakdown IN ('none', 'municipality', 'sector', 'both')),
  ADD CONSTRAINT poll_named_breakdown CHECK (anonymous OR breakdown = 'both');

-- New polls always say what they store; the column default is only for the rows above.
ALTER TABLE poll ALTER COLUMN breakdown DROP DEFAULT;
