-- pgbench: the SQL of one POST /refunds {"payment_id": ..., "amount": 1} (no Idempotency-Key), statement for
-- statement as the switch issues it (RefundService.create: the transaction under the payment's row lock, then
-- the settle update and the read for the response; checked against log_statement=all). The processor call between
-- the COMMIT and the settle update is not SQL, and not here; nor is the account lookup before it: the server
-- routes over its cached accounts (ConnectorAccountService, read again at most every second or two).
-- The payments are a pool of succeeded payments cloned from one the API made (refund_pool.sql), ids
-- pay_pgbr_<tag>_<n>, n = 1 .. clients * slice. Like the API run, each client goes round-robin over its own slice
-- of `slice` payments, so a payment's refunds are spread out and it reads 0, 1, 2 ... earlier refunds; the script
-- checks afterwards that no payment got more than 10 (the switch's limit), else the pool was too small.
-- Run with: pgbench -n -M prepared -D merchant=bench_m -D mca=<merchant_connector_id> -D tag=<tag>
--           -D slice=<payments per client> -D k=0 -f refund_create.sql
-- (k: the client's refund counter; pgbench keeps a client's variables from one transaction to the next.)
\set k :k + 1
\set n :client_id * :slice + :k % :slice + 1
\set r random(100000000000000, 999999999999999)

BEGIN;
-- PaymentService.lockForRefund
select payment_id, status, amount, currency, amount_captured, amount_to_capture, capture_method, authentication_type,
       customer_id, description, return_url, metadata::text as metadata, setup_future_usage, client_secret,
       active_attempt_id, attempt_count, profile_id, connector_preference::text as connector_preference, email,
       name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
       statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type, card_isin,
       card_last4, card_network, card_exp_month, card_exp_year, card_holder_name,
       order_details::text as order_details, cancellation_reason, created_at, modified_at, session_expiry
  from payment_intent where merchant_id = :merchant and payment_id = 'pay_pgbr_' || :tag || '_' || :n for update;
select attempt_id, payment_id, status, connector, merchant_connector_id, amount, currency, capture_method,
       authentication_type, amount_capturable, amount_captured, connector_transaction_id, redirect_url,
       error_code, error_message, network_transaction_id, payment_method, payment_method_type, sync_count,
       created_at, modified_at
  from payment_attempt where merchant_id = :merchant and attempt_id = 'pay_pgbr_' || :tag || '_' || :n || '_1';
-- RefundRepository.find: the new id is not taken
select refund_id, payment_id, attempt_id, connector, merchant_connector_id, connector_transaction_id,
       connector_refund_id, amount, currency, status, refund_type, reason, metadata::text as metadata,
       error_code, error_message, sync_count, created_at, modified_at
  from refund where merchant_id = :merchant and refund_id = 'ref_pgb_' || :client_id || '_' || :r;
-- RefundRepository.ofPayment: what is already refunded
select refund_id, payment_id, attempt_id, connector, merchant_connector_id, connector_transaction_id,
       connector_refund_id, amount, currency, status, refund_type, reason, metadata::text as metadata,
       error_code, error_message, sync_count, created_at, modified_at
  from refund where merchant_id = :merchant and payment_id = 'pay_pgbr_' || :tag || '_' || :n
 order by created_at, refund_id;
-- RefundRepository.insert: pending, with a sync already due
insert into refund (merchant_id, refund_id, payment_id, attempt_id, connector,
    merchant_connector_id, connector_transaction_id, amount, currency, status, refund_type,
    reason, metadata, next_sync_at, created_at, modified_at)
values (:merchant, 'ref_pgb_' || :client_id || '_' || :r, 'pay_pgbr_' || :tag || '_' || :n,
        'pay_pgbr_' || :tag || '_' || :n || '_1', 'stripe_test', :mca, 'sim_pay_dOwvgjNXilzbaFSfZ41stncA', 1, 'USD',
        'pending', 'instant', null, null::json, now() + interval '90 seconds', now(), now())
on conflict (merchant_id, refund_id) do nothing;
COMMIT;

-- (the processor call)
-- RefundRepository.settle
update refund
   set status = 'succeeded', connector_refund_id = coalesce('sim_ref_' || substr(md5(random()::text), 1, 24),
                                                            connector_refund_id),
       error_code = null, error_message = null, sync_count = 0, next_sync_at = null, modified_at = now()
 where merchant_id = :merchant and refund_id = 'ref_pgb_' || :client_id || '_' || :r and status = 'pending';
-- RefundRepository.find for the response
select refund_id, payment_id, attempt_id, connector, merchant_connector_id, connector_transaction_id,
       connector_refund_id, amount, currency, status, refund_type, reason, metadata::text as metadata,
       error_code, error_message, sync_count, created_at, modified_at
  from refund where merchant_id = :merchant and refund_id = 'ref_pgb_' || :client_id || '_' || :r;
