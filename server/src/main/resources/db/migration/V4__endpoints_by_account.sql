-- A list without sort is in id order within the account: read from this index, not sorted.
CREATE INDEX endpoints_by_account ON endpoints (account_id, id);
