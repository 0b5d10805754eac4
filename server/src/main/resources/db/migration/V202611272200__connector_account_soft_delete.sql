-- A deleted connector account is kept, marked deleted_at, instead of being removed: payments and refunds made on it
-- before the delete may still be waiting for its processor (a shopper in a 3DS challenge, a timed-out call, a
-- refund in review), and only its credentials can ask. It is gone for everything else: reads, lists, routing, new
-- captures, voids and refunds, and its label is free for a new account.
alter table merchant_connector_account add column deleted_at timestamptz;

drop index merchant_connector_account_label;
create unique index merchant_connector_account_label
    on merchant_connector_account (merchant_id, profile_id, connector_label) where deleted_at is null;
