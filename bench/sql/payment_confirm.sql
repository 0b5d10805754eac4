-- pgbench: the SQL of one POST /payments with confirm=true (the benchmark's card body, no customer, no
-- Idempotency-Key), statement for statement as the switch issues it (PaymentService.create,
-- PaymentLifecycle.createConfirmed, PaymentOutcomes.apply; checked against the embedded PostgreSQL's
-- log_statement=all output of one request). One pgbench "transaction" = the whole request's SQL: an autocommit
-- read (routing) and two transactions (A: the intent, already holding its attempt and card vault,
-- and the attempt; B: lock, attempt, outcome, intent). The processor call between A and B (the in-process
-- simulator, over HTTP) is not SQL, and not here.
-- Values stand in for the bound parameters: a fresh payment id per transaction, the statuses and amounts the
-- server writes, bytea "ciphertexts" of the lengths it writes (AES-GCM, 1 + 12 + plaintext + 16 bytes:
-- card_holder_name "Bench" 34, card_vault ~99-byte JSON 128), now() for the timestamps.
-- Run with: pgbench -n -M prepared -D merchant=bench_m -D profile=<profile_id> -D mca=<merchant_connector_id>
--           -f payment_confirm.sql
-- Ids: pay_pgb_<client>_<random>, attempt <id>_1 (the API's are pay_ + 20 alphanumerics, so never collide).
\set r random(100000000000000, 999999999999999)

-- PaymentLifecycle.route before anything is written: the merchant's connector accounts in routing order
select merchant_connector_id, connector_type, connector_name, connector_label, profile_id,
       connector_account_details, test_mode, disabled, payment_methods_enabled::text as pme,
       metadata::text as metadata, connector_webhook_details, business_country, business_label,
       business_sub_label, status, created_at
  from merchant_connector_account
 where merchant_id = :merchant order by created_seq;

-- tx A: PaymentLifecycle.createConfirmed: the intent (status processing, its attempt and card vault), the attempt
BEGIN;
insert into payment_intent (merchant_id, payment_id, status, amount, currency,
    amount_captured, capture_method, authentication_type, customer_id, description,
    return_url, metadata, setup_future_usage, active_attempt_id, attempt_count,
    profile_id, connector_preference, email, name, phone, phone_country_code, billing,
    shipping, statement_descriptor_name, statement_descriptor_suffix,
    merchant_order_reference_id, payment_method, payment_method_type, card_isin, card_last4,
    card_network, card_exp_month, card_exp_year, card_holder_name, client_secret,
    card_vault, created_at, modified_at)
values (:merchant, 'pay_pgb_' || :client_id || '_' || :r, 'processing', 1000, 'USD', 0, 'automatic',
        'no_three_ds', null, null, null, null, null, 'pay_pgb_' || :client_id || '_' || :r || '_1', 1,
        :profile, null, null, null, null, null, null, null, null, null, null, 'card', null, '424242', '4242',
        'Visa', '12', '2030', substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34),
        'pay_pgb_' || :client_id || '_' || :r || '_secret_' || substr(md5(random()::text), 1, 20),
        decode(repeat(md5(random()::text), 8), 'hex'), now(), now())
on conflict (merchant_id, payment_id) do nothing;
insert into payment_attempt (merchant_id, attempt_id, payment_id, status, connector,
    merchant_connector_id, amount, currency, capture_method, authentication_type,
    amount_capturable, amount_captured, payment_method, payment_method_type, next_sync_at,
    created_at, modified_at)
values (:merchant, 'pay_pgb_' || :client_id || '_' || :r || '_1', 'pay_pgb_' || :client_id || '_' || :r, 'pending',
        'stripe_test', :mca, 1000, 'USD', 'automatic', 'no_three_ds', 0, 0, 'card', null,
        now() + interval '90 seconds', now(), now());
COMMIT;

-- (the processor call)

-- tx B: PaymentOutcomes.apply
BEGIN;
select payment_id, status, amount, currency, amount_captured, capture_method, authentication_type, customer_id,
       description, return_url, metadata::text as metadata, setup_future_usage, client_secret,
       active_attempt_id, attempt_count, profile_id, connector_preference::text as connector_preference, email,
       name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
       statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type, card_isin,
       card_last4, card_network, card_exp_month, card_exp_year, card_holder_name, cancellation_reason,
       created_at, modified_at
  from payment_intent where merchant_id = :merchant and payment_id = 'pay_pgb_' || :client_id || '_' || :r for update;
select attempt_id, payment_id, status, connector, merchant_connector_id, amount, currency, capture_method,
       authentication_type, amount_capturable, amount_captured, connector_transaction_id, redirect_url,
       error_code, error_message, network_transaction_id, payment_method, payment_method_type, sync_count,
       created_at, modified_at
  from payment_attempt where merchant_id = :merchant and attempt_id = 'pay_pgb_' || :client_id || '_' || :r || '_1';
update payment_attempt
   set status = 'charged', amount_capturable = 0, amount_captured = 1000,
       connector_transaction_id = 'sim_pay_' || substr(md5(random()::text), 1, 24), redirect_url = null,
       error_code = null, error_message = null, network_transaction_id = '' || :r, sync_count = 0,
       next_sync_at = null, modified_at = now()
 where merchant_id = :merchant and attempt_id = 'pay_pgb_' || :client_id || '_' || :r || '_1' and status = 'pending';
update payment_intent
   set status = 'succeeded', amount = 1000, currency = 'USD', amount_captured = 1000, capture_method = 'automatic',
       authentication_type = 'no_three_ds', customer_id = null, description = null, return_url = null,
       metadata = null::json, setup_future_usage = null, active_attempt_id = 'pay_pgb_' || :client_id || '_' || :r || '_1',
       attempt_count = 1, profile_id = :profile, connector_preference = null::jsonb, email = null, name = null,
       phone = null, phone_country_code = null, billing = null, shipping = null, statement_descriptor_name = null,
       statement_descriptor_suffix = null, merchant_order_reference_id = null, payment_method = 'card',
       payment_method_type = null, card_isin = '424242', card_last4 = '4242', card_network = 'Visa',
       card_exp_month = '12', card_exp_year = '2030',
       card_holder_name = substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34), cancellation_reason = null,
       modified_at = now()
 where merchant_id = :merchant and payment_id = 'pay_pgb_' || :client_id || '_' || :r and status = 'processing';
COMMIT;

