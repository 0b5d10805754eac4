-- pgbench: the SQL of one POST /payments with confirm=true (the benchmark's card body, no customer, no
-- Idempotency-Key), statement for statement as the switch issues it (PaymentService.create,
-- PaymentLifecycle.createConfirmed, PaymentOutcomes.applyAll, as a payment alone sends it; checked against the
-- embedded PostgreSQL's log_statement=all output of one request). One pgbench "transaction" = the whole request's
-- SQL: an autocommit statement A (the intent, already holding its attempt and card vault, and the attempt) and a
-- transaction B (lock, attempt, outcome, intent). The processor call between A and B (the in-process simulator,
-- over HTTP) is not SQL, and not here; nor is routing: the server keeps each merchant's connector accounts cached
-- (ConnectorAccountService, read again at most every second or two, as the API key's lookup). Concurrent payments
-- share statement A and transaction B (db/Coalescer); this baseline stays one payment per statement, as the issue
-- defines it.
-- Values stand in for the bound parameters: a fresh payment id per transaction, the statuses and amounts the
-- server writes, bytea "ciphertexts" of the lengths it writes (AES-GCM, 1 + 12 + plaintext + 16 bytes:
-- card_holder_name "Bench" 34, card_vault ~99-byte JSON 128), now() for the timestamps.
-- Run with: pgbench -n -M prepared -D merchant=bench_m -D profile=<profile_id> -D mca=<merchant_connector_id>
--           -f payment_confirm.sql
-- Ids: pay_pgb_<client>_<random>, attempt <id>_1 (the API's are pay_ + 20 alphanumerics, so never collide).
\set r random(100000000000000, 999999999999999)

-- statement A: PaymentLifecycle.createConfirmed via NewPayments: the intent (status processing, holding its attempt
-- and card vault) and the attempt, one autocommit statement (concurrent creates share it; one alone sends this)
with input (n, merchant_id, payment_id, status, amount, currency, amount_captured, amount_to_capture, capture_method,
            authentication_type, customer_id, description, return_url, metadata, setup_future_usage,
            active_attempt_id, attempt_count, profile_id, connector_preference, email, name, phone,
            phone_country_code, billing, shipping, statement_descriptor_name, statement_descriptor_suffix,
            merchant_order_reference_id, payment_method, payment_method_type, card_isin, card_last4,
            card_network, card_exp_month, card_exp_year, card_holder_name, order_details, client_secret, card_vault,
            created_at, session_expiry, attempt_id, attempt_status, connector, merchant_connector_id, attempt_amount,
            attempt_currency, attempt_capture_method, attempt_authentication_type, amount_capturable,
            attempt_amount_captured, attempt_payment_method, attempt_payment_method_type, next_sync_at,
            attempt_created_at) as (values (
    0, :merchant::text, ('pay_pgb_' || :client_id || '_' || :r)::text, 'processing'::text, 1000::bigint, 'USD'::text,
    0::bigint, null::bigint, 'automatic'::text, 'no_three_ds'::text, null::text, null::text, null::text, null::text,
    null::text, ('pay_pgb_' || :client_id || '_' || :r || '_1')::text, 1::int, :profile::text, null::text, null::bytea,
    null::bytea, null::bytea, null::text, null::bytea, null::bytea, null::text, null::text, null::text,
    'card'::text, null::text, '424242'::text, '4242'::text, 'Visa'::text, '12'::text, '2030'::text,
    substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34)::bytea, null::text,
    ('pay_pgb_' || :client_id || '_' || :r || '_secret_' || substr(md5(random()::text), 1, 20))::text,
    decode(repeat(md5(random()::text), 8), 'hex')::bytea, now()::timestamptz,
    (now() + interval '15 minutes')::timestamptz,
    ('pay_pgb_' || :client_id || '_' || :r || '_1')::text, 'pending'::text, 'stripe_test'::text, :mca::text,
    1000::bigint, 'USD'::text, 'automatic'::text, 'no_three_ds'::text, 0::bigint, 0::bigint, 'card'::text,
    null::text, (now() + interval '90 seconds')::timestamptz, now()::timestamptz)),
intents as (
    insert into payment_intent (merchant_id, payment_id, status, amount, currency, amount_captured,
        amount_to_capture, capture_method, authentication_type, customer_id, description, return_url, metadata,
        setup_future_usage, active_attempt_id, attempt_count, profile_id, connector_preference, email,
        name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
        statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type,
        card_isin, card_last4, card_network, card_exp_month, card_exp_year, card_holder_name,
        order_details, client_secret, card_vault, created_at, modified_at, session_expiry)
    select merchant_id, payment_id, status, amount, currency, amount_captured, amount_to_capture, capture_method,
           authentication_type, customer_id, description, return_url, metadata::json,
           setup_future_usage, active_attempt_id, attempt_count, profile_id, connector_preference::jsonb,
           email, name, phone, phone_country_code, billing, shipping, statement_descriptor_name,
           statement_descriptor_suffix, merchant_order_reference_id, payment_method, payment_method_type,
           card_isin, card_last4, card_network, card_exp_month, card_exp_year, card_holder_name,
           order_details::json, client_secret, card_vault, created_at, created_at, session_expiry
      from input
    on conflict (merchant_id, payment_id) do nothing
    returning merchant_id, payment_id),
attempts as (
    insert into payment_attempt (merchant_id, attempt_id, payment_id, status, connector,
        merchant_connector_id, amount, currency, capture_method, authentication_type, amount_capturable,
        amount_captured, payment_method, payment_method_type, next_sync_at, created_at, modified_at)
    select i.merchant_id, i.attempt_id, i.payment_id, i.attempt_status, i.connector,
           i.merchant_connector_id, i.attempt_amount, i.attempt_currency, i.attempt_capture_method,
           i.attempt_authentication_type, i.amount_capturable, i.attempt_amount_captured,
           i.attempt_payment_method, i.attempt_payment_method_type, i.next_sync_at,
           i.attempt_created_at, i.attempt_created_at
      from input i join intents n on n.merchant_id = i.merchant_id and n.payment_id = i.payment_id
     where i.attempt_id is not null)
select i.n from input i join intents t on t.merchant_id = i.merchant_id and t.payment_id = i.payment_id;

-- (the processor call)

-- tx B: PaymentOutcomes.applyAll via OutcomeRows (concurrent outcomes share it; one alone sends this): lock and
-- attempt read in one round trip (the JDBC driver sends BEGIN and both selects before it waits: a pipeline here),
-- then the outcome (attempt, and intent's status and captured amount only) as one statement, then COMMIT
\startpipeline
BEGIN;
select merchant_id as row_merchant_id, payment_id, status, amount, currency, amount_captured, amount_to_capture,
       capture_method, authentication_type, customer_id, description, return_url, metadata::text as metadata,
       setup_future_usage, client_secret, active_attempt_id, attempt_count, profile_id,
       connector_preference::text as connector_preference, email, name, phone, phone_country_code, billing,
       shipping, statement_descriptor_name, statement_descriptor_suffix, merchant_order_reference_id,
       payment_method, payment_method_type, card_isin, card_last4, card_network, card_exp_month, card_exp_year,
       card_holder_name, order_details::text as order_details, cancellation_reason, created_at, modified_at,
       session_expiry
  from payment_intent where (merchant_id, payment_id) in ((:merchant, 'pay_pgb_' || :client_id || '_' || :r))
 order by merchant_id, payment_id for update;
select merchant_id as row_merchant_id, attempt_id, payment_id, status, connector, merchant_connector_id, amount,
       currency, capture_method, authentication_type, amount_capturable, amount_captured, connector_transaction_id,
       redirect_url, error_code, error_message, network_transaction_id, payment_method, payment_method_type,
       sync_count, created_at, modified_at
  from payment_attempt where (merchant_id, attempt_id) in ((:merchant, 'pay_pgb_' || :client_id || '_' || :r || '_1'));
\endpipeline
with attempt_written as (
update payment_attempt
   set status = 'charged', amount_capturable = 0, amount_captured = 1000,
       connector_transaction_id = 'sim_pay_' || substr(md5(random()::text), 1, 24), redirect_url = null,
       error_code = null, error_message = null, network_transaction_id = '' || :r, sync_count = 0,
       next_sync_at = null, modified_at = now()
 where merchant_id = :merchant and attempt_id = 'pay_pgb_' || :client_id || '_' || :r || '_1' and status = 'pending'
returning 1)
update payment_intent set status = 'succeeded', amount_captured = 1000, modified_at = now()
 where merchant_id = :merchant and payment_id = 'pay_pgb_' || :client_id || '_' || :r and status = 'processing';
COMMIT;
