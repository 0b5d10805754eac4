-- A refund the processor holds for manual review ('review') used to be left alone: neither the sync job nor a
-- force_sync asked about it again, so it stayed 'review' after the processor had decided. It is now synced like a
-- pending one (Refund.undecided). This parks those already in review (PaymentSettings.SYNC_PARKED, as
-- V202611271500 did for pending ones), so that the next start makes them due through refund_due_for_sync.
update refund set next_sync_at = '9999-12-31 00:00:00+00' where next_sync_at is null and status = 'review';
