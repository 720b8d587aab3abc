-- Reporter phone numbers are personal data (convention 19, issue 11): sealed with AES-256-GCM under
-- a key kept outside the database, with a keyed HMAC for equality lookups. SQL cannot encrypt
-- with a key it does not have, so the phones already stored in case_reporter.contact are sealed
-- and removed from it by a data step at start-up (sealPlaintextReporterPhones); from this
-- migration on, new phones are written only to phone_sealed.
alter table case_reporter add column phone_sealed text;
alter table case_reporter add column phone_index text;
create index case_reporter_phone_index_idx on case_reporter (phone_index) where phone_index is not null;
