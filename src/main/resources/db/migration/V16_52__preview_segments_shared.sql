-- Issue 16: preview windows live in the shared blob store (keyed/<key>), so any node serves them.
-- A row is a ready window once stored_at is set; rows from before (node-local files) are rendered again.
alter table render_preview_segments add column stored_at timestamptz;
