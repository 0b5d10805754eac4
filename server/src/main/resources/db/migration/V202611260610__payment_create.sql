-- Payments: the merchant-facing intent and its attempts at processors.
-- The intent's status always follows its active attempt's status; both change only with
-- "where status = :expected" guards after the intent row is locked.

create table payment_intent (
    merchant_id                  text not null references merchant_account on delete cascade,
    payment_id                   text not null,
    status                       text not null,
    amount                       bigint not null,
    currency                     text not null,
    amount_captured              bigint not null default 0,
    capture_method               text not null,
    authentication_type          text not null,
    customer_id                  text,
    description                  text,
    return_url                   text,
    metadata                     json,
    setup_future_usage           text,
    client_secret                text not null,
    active_attempt_id            text,
    attempt_count                int not null default 0,
    profile_id                   text not null,
    connector_preference         jsonb,
    -- PII (AES-256-GCM under the merchant's data key)
    email                        bytea,
    name                         bytea,
    phone                        bytea,
    phone_country_code           text,
    billing                      bytea,
    shipping                     bytea,
    statement_descriptor_name    text,
    statement_descriptor_suffix  text,
    merchant_order_reference_id  text,
    payment_method               text,
    payment_method_type          text,
    -- The card between create and confirm: PAN, expiry and holder encrypted; the CVC is erased at authorization.
    card_vault                   bytea,
    card_isin                    text,
    card_last4                   text,
    card_network                 text,
    card_exp_month               text,
    card_exp_year                text,
    card_holder_name             bytea,
    cancellation_reason          text,
    created_at                   timestamptz not null,
    modified_at                  timestamptz not null,
    primary key (merchant_id, payment_id)
);

create index payment_intent_by_created on payment_intent (merchant_id, created_at, payment_id);
create index payment_intent_by_customer on payment_intent (merchant_id, customer_id, created_at);

create table payment_attempt (
    merchant_id              text not null references merchant_account on delete cascade,
    attempt_id               text not null,
    payment_id               text not null,
    status                   text not null,
    connector                text not null,
    merchant_connector_id    text not null,
    amount                   bigint not null,
    currency                 text not null,
    capture_method           text not null,
    authentication_type      text not null,
    amount_capturable        bigint not null default 0,
    amount_captured          bigint not null default 0,
    connector_transaction_id text,
    redirect_url             text,
    error_code               text,
    error_message            text,
    network_transaction_id   text,
    payment_method           text,
    payment_method_type      text,
    -- When the sync job should next ask the processor; null when the attempt needs no sync.
    next_sync_at             timestamptz,
    sync_count               int not null default 0,
    created_at               timestamptz not null,
    modified_at              timestamptz not null,
    primary key (merchant_id, attempt_id),
    foreign key (merchant_id, payment_id) references payment_intent on delete cascade
);

create index payment_attempt_by_payment on payment_attempt (merchant_id, payment_id, created_at);
create index payment_attempt_due_for_sync on payment_attempt (next_sync_at) where next_sync_at is not null;

create table payment_capture (
    merchant_id          text not null references merchant_account on delete cascade,
    capture_id           text not null,
    payment_id           text not null,
    attempt_id           text not null,
    amount               bigint not null,
    status               text not null,
    error_code           text,
    error_message        text,
    created_at           timestamptz not null,
    modified_at          timestamptz not null,
    primary key (merchant_id, capture_id),
    foreign key (merchant_id, payment_id) references payment_intent on delete cascade
);

create index payment_capture_by_payment on payment_capture (merchant_id, payment_id, created_at);
