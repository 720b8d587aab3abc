-- Issue 16: a catalogue re-import does not delete what the file no longer lists. A data element or
-- an indicator the new file drops is kept with the moment it was retired: its observations and
-- history stay readable, forms and templates no longer ask for it, and listing it again in a later
-- import brings it back (retired_at null).

alter table indicator_data_element add column retired_at timestamptz;
alter table indicator add column retired_at timestamptz;
