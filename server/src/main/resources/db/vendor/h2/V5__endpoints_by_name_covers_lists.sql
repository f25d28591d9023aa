-- H2 only (H2 has no trigram index; PostgreSQL has its own V5): the lowered name and url that the
-- list's `query` matches are kept with the row, and the name index also holds them and the
-- environment (after id, so its order is unchanged). H2 reads a column from the index entry when
-- the entry has it and fetches the row only otherwise, so a count of a `query`, or of the
-- environments a user sees, reads the index alone instead of every row of the account.
ALTER TABLE endpoints ADD COLUMN name_lowered VARCHAR(255) GENERATED ALWAYS AS (LOWER(name));
ALTER TABLE endpoints ADD COLUMN url_lowered VARCHAR(2048) GENERATED ALWAYS AS (LOWER(url));
DROP INDEX endpoints_by_name;
CREATE INDEX endpoints_by_name ON endpoints
  (account_id, name, id, name_lowered, url_lowered, environment_id);
