-- The amount_to_capture a merchant gives on create or update (reference §3): with manual capture it is what a
-- capture without an amount takes; with automatic capture it can only equal the amount. Null when not given.
-- Kept on the intent because only create and update can set it, both before any attempt exists.
alter table payment_intent add column amount_to_capture bigint check (amount_to_capture > 0);
