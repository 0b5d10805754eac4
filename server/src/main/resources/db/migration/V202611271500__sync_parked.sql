-- An attempt or refund still waiting for its processor after its last scheduled sync used to get next_sync_at null,
-- and every start found those with a scan of the whole table. They are now parked at a far-future next_sync_at
-- (PaymentSettings.SYNC_PARKED): never due, and found by the next start through the index of scheduled syncs
-- (payment_attempt_due_for_sync, refund_due_for_sync). This parks the ones already waiting, once. The statuses are
-- PaymentTransitions.awaitsProcessor's at the time of writing.
update payment_attempt set next_sync_at = '9999-12-31 00:00:00+00'
 where next_sync_at is null
   and status in ('started', 'pending', 'authorizing', 'authentication_pending', 'authentication_successful',
                  'device_data_collection_pending', 'capture_initiated', 'void_initiated', 'cod_initiated');
update refund set next_sync_at = '9999-12-31 00:00:00+00' where next_sync_at is null and status = 'pending';
