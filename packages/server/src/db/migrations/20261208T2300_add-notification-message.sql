-- A notification's text as a catalogue message (id and parameters, core/server-messages.ts), so
-- it reads in the reader's language (Accept-Language); title and body keep the Chinese text for
-- readers of the table and for notifications written before this column (issue 14).
alter table notification add column message jsonb;
