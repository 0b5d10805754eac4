-- The order's lines as the merchant sent them (reference §5 `order_details`, Hyperswitch's OrderDetailsWithAmount),
-- validated and shown in every response of the payment. Not PII (product names, quantities, amounts), so plain JSON
-- like metadata, and json rather than jsonb for the same reason: it keeps each line's keys in the order the API
-- shows them. Null when the merchant sent none.
alter table payment_intent add column order_details json;
