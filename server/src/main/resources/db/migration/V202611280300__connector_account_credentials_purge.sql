-- A deleted connector account keeps its credentials only while something made on it may still need its processor:
-- an attempt or refund the sync job is to ask about (next_sync_at set: awaiting a shopper, an unknown outcome, a
-- capture or void on its way, a refund pending or in review). Once nothing does, a job erases them
-- (DeletedAccountCredentialsPurgeJob); the rest of the row stays, so old payments still name their account.
alter table merchant_connector_account alter column connector_account_details drop not null;

-- What the job asks per deleted account: is anything on it still to be synced?
create index payment_attempt_to_sync_by_account on payment_attempt (merchant_id, merchant_connector_id)
    where next_sync_at is not null;
create index refund_to_sync_by_account on refund (merchant_id, merchant_connector_id)
    where next_sync_at is not null;
