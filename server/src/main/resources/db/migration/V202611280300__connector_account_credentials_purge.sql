-- A deleted connector account keeps its credentials only while something made on it may still need its processor:
-- an attempt or refund the sync job is to ask about (next_sync_at set: awaiting a shopper, an unknown outcome, a
-- capture or void on its way, a refund pending or in review). Once nothing does, a job erases them
-- (DeletedAccountCredentialsPurgeJob); the rest of the row stays, so old payments still name their account.
-- The job's question, "is anything on this account still to be synced?", reads the partial indexes the sync jobs
-- already have (payment_attempt_due_for_sync, refund_due_for_sync: only rows still to be synced); an index of its
-- own would cost every payment one more index entry for a job that runs every few minutes.
alter table merchant_connector_account alter column connector_account_details drop not null;
