-- Foundation: merchants with their data keys, business profiles, API keys, customers and their addresses.
-- Every table that belongs to a merchant leads its primary key with merchant_id, so the schema can later be
-- distributed by merchant without rewriting queries. Columns of type bytea hold AES-256-GCM ciphertext made with
-- the merchant's data key (format: version | nonce | ciphertext+tag); plaintext PII never reaches this database.

create table organization (
    organization_id text primary key,
    created_at      timestamptz not null
);

create table merchant_account (
    merchant_id                         text primary key,
    organization_id                     text not null references organization,
    -- The merchant's AES-256 data key, wrapped by the master key (which never enters the database).
    data_key                            bytea not null,
    data_key_version                    int not null,
    merchant_name                       bytea,
    merchant_details                    bytea,
    payment_response_hash_key           bytea not null,
    publishable_key                     text not null unique,
    return_url                          text,
    webhook_details                     bytea,
    enable_payment_response_hash        boolean not null,
    redirect_to_merchant_with_http_post boolean not null,
    metadata                            json,
    primary_business_details            jsonb not null,
    merchant_account_type               text not null,
    sub_merchants_enabled               boolean,
    parent_merchant_id                  text,
    locker_id                           text,
    product_type                        text,
    default_profile                     text not null,
    created_at                          timestamptz not null,
    modified_at                         timestamptz not null
);

create index merchant_account_by_organization on merchant_account (organization_id, created_at);

create table business_profile (
    merchant_id  text not null references merchant_account on delete cascade,
    profile_id   text not null,
    profile_name text not null,
    created_at   timestamptz not null,
    modified_at  timestamptz not null,
    primary key (merchant_id, profile_id)
);

create table api_key (
    merchant_id    text not null references merchant_account on delete cascade,
    key_id         text not null,
    -- HMAC-SHA256 of the plaintext key under a server secret; the plaintext is shown once and never stored.
    hashed_api_key bytea not null unique,
    prefix         text not null,
    name           text not null,
    description    text,
    created_at     timestamptz not null,
    expires_at     timestamptz,
    primary key (merchant_id, key_id)
);

create table customer (
    merchant_id               text not null references merchant_account on delete cascade,
    customer_id               text not null,
    name                      bytea,
    email                     bytea,
    phone                     bytea,
    phone_country_code        text,
    description               text,
    address_id                text,
    metadata                  json,
    default_payment_method_id text,
    created_at                timestamptz not null,
    modified_at               timestamptz not null,
    -- Set when the customer is deleted: the row and its id stay, its PII is replaced by "Redacted".
    redacted_at               timestamptz,
    primary key (merchant_id, customer_id)
);

-- Listing pages through a merchant's customers oldest first; customer_id breaks ties so pages are stable.
create index customer_by_created on customer (merchant_id, created_at, customer_id);

create table address (
    merchant_id        text not null references merchant_account on delete cascade,
    address_id         text not null,
    customer_id        text,
    city               text,
    country            text,
    line1              bytea,
    line2              bytea,
    line3              bytea,
    zip                bytea,
    state              bytea,
    first_name         bytea,
    last_name          bytea,
    phone              bytea,
    email              bytea,
    phone_country_code text,
    created_at         timestamptz not null,
    modified_at        timestamptz not null,
    primary key (merchant_id, address_id)
);

create index address_by_customer on address (merchant_id, customer_id);
