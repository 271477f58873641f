-- An upload's body is fingerprinted as it streams (it is never buffered), so a repeat can only be
-- compared by reading it: the first body's length bounds how much of a repeat is read for that.
alter table idempotency_keys add column body_length bigint;
