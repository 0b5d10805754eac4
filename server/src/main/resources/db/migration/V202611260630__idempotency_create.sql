-- Idempotency-Key records (Stripe semantics), scoped by merchant. The fingerprint is a keyed hash of
-- method, path and body: the raw body (which may hold a card number) is never stored.
create table idempotency_key (
    merchant_id     text not null references merchant_account on delete cascade,
    idempotency_key text not null,
    fingerprint     bytea not null,
    state           text not null,            -- in_flight | done
    response_status int,
    response_body   bytea,
    locked_at       timestamptz not null,
    created_at      timestamptz not null,
    primary key (merchant_id, idempotency_key)
);

create index idempotency_key_by_created on idempotency_key (created_at);
