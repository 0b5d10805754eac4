-- When a payment's client_secret stops confirming it: created_at + the create's session_expiry seconds (default 900,
-- i.e. 15 minutes). A confirm that sends the client_secret after it is refused (400 IR_08), as in the reference
-- (errors-auth §4.4); a confirm with the secret key alone is not. Shown as expires_on.
alter table payment_intent add column session_expiry timestamptz;
update payment_intent set session_expiry = created_at + interval '15 minutes';
alter table payment_intent alter column session_expiry set not null;
