-- Until this version an attempt or refund was named at its processor by its bare id; since, by
-- {merchant_id}.{id} (ProcessorReferences), since payment and refund ids are the merchant's own. An attempt or
-- refund whose processor answer was lost (no processor id yet) is found again by the name it was sent with: for
-- those written before, that name is kept here. Settled ones never need it; the rows are small and few.
create table processor_reference_legacy (
    merchant_id text not null references merchant_account on delete cascade,
    kind        text not null check (kind in ('attempt', 'refund')),
    id          text not null,
    reference   text not null,
    primary key (merchant_id, kind, id)
);

insert into processor_reference_legacy (merchant_id, kind, id, reference)
select merchant_id, 'attempt', attempt_id, attempt_id from payment_attempt where connector_transaction_id is null;

insert into processor_reference_legacy (merchant_id, kind, id, reference)
select merchant_id, 'refund', refund_id, refund_id from refund where connector_refund_id is null;
