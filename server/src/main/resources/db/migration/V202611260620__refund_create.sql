-- Refunds of captured payments. A refund is written as pending, under the payment's row lock, before the
-- processor is called, so refunds in flight count against what is left to refund.
create table refund (
    merchant_id              text not null references merchant_account on delete cascade,
    refund_id                text not null,
    payment_id               text not null,
    attempt_id               text not null,
    connector                text not null,
    merchant_connector_id    text not null,
    connector_transaction_id text,
    connector_refund_id      text,
    amount                   bigint not null,
    currency                 text not null,
    status                   text not null,
    refund_type              text not null,
    reason                   text,
    metadata                 json,
    error_code               text,
    error_message            text,
    next_sync_at             timestamptz,
    sync_count               int not null default 0,
    created_at               timestamptz not null,
    modified_at              timestamptz not null,
    primary key (merchant_id, refund_id),
    foreign key (merchant_id, payment_id) references payment_intent on delete cascade
);

create index refund_by_payment on refund (merchant_id, payment_id, created_at);
create index refund_by_created on refund (merchant_id, created_at, refund_id);
create index refund_due_for_sync on refund (next_sync_at) where next_sync_at is not null;
