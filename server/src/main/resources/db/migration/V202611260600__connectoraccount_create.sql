-- Merchants' accounts at processors. Credentials and webhook secrets are AES-256-GCM ciphertext under the
-- merchant's data key.
create table merchant_connector_account (
    merchant_id               text not null references merchant_account on delete cascade,
    merchant_connector_id     text not null,
    connector_type            text not null,
    connector_name            text not null,
    connector_label           text,
    profile_id                text not null,
    connector_account_details bytea not null,
    test_mode                 boolean not null,
    disabled                  boolean not null,
    payment_methods_enabled   jsonb,
    metadata                  json,
    connector_webhook_details bytea,
    business_country          text,
    business_label            text,
    business_sub_label        text,
    status                    text not null,
    -- Creation order is the default routing order; a sequence orders accounts made in the same millisecond.
    created_seq               bigint generated always as identity,
    created_at                timestamptz not null,
    modified_at               timestamptz not null,
    primary key (merchant_id, merchant_connector_id)
);
