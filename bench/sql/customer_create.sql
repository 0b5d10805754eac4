-- pgbench: create a customer with its address, as POST /customers does.
-- The statement of one customer (CustomerBatches.insert run alone, written for one row): customer + address in ONE
-- statement, hence one transaction in autocommit, with `on conflict do nothing` on the customer key. (Under
-- concurrency the server puts many customers in one such statement; this stays the issue's one-customer baseline.) Values stand in for the bound
-- parameters: fresh random ids of the server's shape (cus_/add_ + 20 characters) and bytea "ciphertexts" of the
-- lengths the server writes for the benchmark body (AES-GCM: 1 + 12 + plaintext + 16 bytes).
-- Run with: pgbench -n -M prepared -D merchant=bench_m -f customer_create.sql
\set cid random(1000000000000, 9999999999999)
\set aid random(1000000000000, 9999999999999)
with inserted as (
    insert into customer (merchant_id, customer_id, name, email, phone, phone_country_code, description,
                          address_id, metadata, created_at, modified_at)
    values (:merchant, 'cus_pgbench_' || :cid,
            substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 40),
            substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 46),
            substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 39),
            '+1', 'Bench customer', 'add_pgbench_' || :aid, '{"tier":"gold"}', now(), now())
    on conflict (merchant_id, customer_id) do nothing
    returning merchant_id, customer_id)
insert into address (merchant_id, customer_id, address_id, city, country, line1, line2, line3, zip, state,
                     first_name, last_name, phone, email, phone_country_code, created_at, modified_at)
select merchant_id, customer_id, 'add_pgbench_' || :aid, 'Austin', 'US',
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 46),
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 36),
       null,
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34),
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34),
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34),
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 34),
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 39),
       substr(decode(repeat(md5(random()::text), 3), 'hex'), 1, 46),
       '+1', now(), now()
  from inserted;
