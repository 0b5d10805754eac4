-- One connector account per label in a profile, as in Hyperswitch (a second one is 400 HE_01): routing rules and
-- dashboards name accounts by label. Accounts made before this rule keep working: a later duplicate gets its own
-- id appended to its label.
update merchant_connector_account a
   set connector_label = a.connector_label || '_' || a.merchant_connector_id
 where exists (select 1 from merchant_connector_account b
                where b.merchant_id = a.merchant_id and b.profile_id = a.profile_id
                  and b.connector_label = a.connector_label and b.created_seq < a.created_seq);

create unique index merchant_connector_account_label
    on merchant_connector_account (merchant_id, profile_id, connector_label);
