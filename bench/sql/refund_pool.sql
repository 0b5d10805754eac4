-- psql: the pgbench refund pool: :pool copies (ids pay_pgbr_<tag>_1 .. pay_pgbr_<tag>_<pool>) of one succeeded
-- payment the API made (:template), with its attempt, so that refund_create.sql refunds rows of exactly the shape
-- the API's refunds find (same sizes, same ciphertexts, same processor ids).
-- Run with: psql -v merchant=bench_m -v template=<payment_id> -v tag=<tag> -v pool=<n> -f refund_pool.sql
\set ON_ERROR_STOP 1
begin;
insert into payment_intent (merchant_id, payment_id, status, amount, currency, amount_captured, capture_method,
    authentication_type, customer_id, description, return_url, metadata, setup_future_usage, client_secret,
    active_attempt_id, attempt_count, profile_id, connector_preference, email, name, phone, phone_country_code,
    billing, shipping, statement_descriptor_name, statement_descriptor_suffix, merchant_order_reference_id,
    payment_method, payment_method_type, card_vault, card_isin, card_last4, card_network, card_exp_month,
    card_exp_year, card_holder_name, order_details, cancellation_reason, created_at, modified_at, session_expiry)
select t.merchant_id, 'pay_pgbr_' || :'tag' || '_' || g, t.status, t.amount, t.currency, t.amount_captured,
       t.capture_method, t.authentication_type, t.customer_id, t.description, t.return_url, t.metadata,
       t.setup_future_usage, 'pay_pgbr_' || :'tag' || '_' || g || '_secret_' || substr(md5(g::text), 1, 20),
       'pay_pgbr_' || :'tag' || '_' || g || '_1', t.attempt_count, t.profile_id, t.connector_preference, t.email,
       t.name, t.phone, t.phone_country_code, t.billing, t.shipping, t.statement_descriptor_name,
       t.statement_descriptor_suffix, t.merchant_order_reference_id, t.payment_method, t.payment_method_type,
       t.card_vault, t.card_isin, t.card_last4, t.card_network, t.card_exp_month, t.card_exp_year,
       t.card_holder_name, t.order_details, t.cancellation_reason, t.created_at, t.modified_at, t.session_expiry
  from payment_intent t, generate_series(1, :pool) g
 where t.merchant_id = :'merchant' and t.payment_id = :'template';
insert into payment_attempt (merchant_id, attempt_id, payment_id, status, connector, merchant_connector_id, amount,
    currency, capture_method, authentication_type, amount_capturable, amount_captured, connector_transaction_id,
    redirect_url, error_code, error_message, network_transaction_id, payment_method, payment_method_type,
    next_sync_at, sync_count, created_at, modified_at)
select a.merchant_id, 'pay_pgbr_' || :'tag' || '_' || g || '_1', 'pay_pgbr_' || :'tag' || '_' || g, a.status,
       a.connector, a.merchant_connector_id, a.amount, a.currency, a.capture_method, a.authentication_type,
       a.amount_capturable, a.amount_captured, a.connector_transaction_id, a.redirect_url, a.error_code,
       a.error_message, a.network_transaction_id, a.payment_method, a.payment_method_type, a.next_sync_at,
       a.sync_count, a.created_at, a.modified_at
  from payment_attempt a, generate_series(1, :pool) g
 where a.merchant_id = :'merchant' and a.attempt_id = :'template' || '_1';
commit;
