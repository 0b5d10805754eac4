-- pgbench: retrieve a customer with its address, as GET /customers/{id} does.
-- The select of one customer (CustomerBatches.find run alone, written for one id): by the customer's primary key
-- (merchant_id, customer_id), left-joined to its address by the address's primary key. The ids are the pool the benchmark
-- created through the API (cus_bench_<n>, n = 1..pool), the same rows the API retrieve run reads.
-- Run with: pgbench -n -M prepared -D merchant=bench_m -D pool=2000 -f customer_retrieve.sql
\set n random(1, :pool)
select c.customer_id, c.name, c.email, c.phone, c.phone_country_code, c.description,
       c.metadata::text as metadata, c.default_payment_method_id, c.created_at, c.redacted_at,
       a.address_id, a.city, a.country, a.line1, a.line2, a.line3, a.zip, a.state, a.first_name,
       a.last_name
  from customer c
  left join address a on a.merchant_id = c.merchant_id and a.address_id = c.address_id
 where c.merchant_id = :merchant and c.customer_id = 'cus_bench_' || :n;
