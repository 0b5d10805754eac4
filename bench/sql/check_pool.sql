-- pgbench sanity check, run once before the measurements: the retrieve script's customer_id expression must find
-- exactly one pool customer with its address for every n in 1..pool (a miss aborts the client: division by zero).
\set n random(1, :pool)
select count(a.address_id) as found, count(*) as rows
  from customer c
  left join address a on a.merchant_id = c.merchant_id and a.address_id = c.address_id
 where c.merchant_id = :merchant and c.customer_id = 'cus_bench_' || :n \gset
\if :found != 1 or :rows != 1
\set miss 1 / 0
\endif
