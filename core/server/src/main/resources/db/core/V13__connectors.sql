-- Shop connectors: orders pushed by Shopify, WooCommerce and Youzan become purchases and refunds.
-- Times are epoch milliseconds (UTC); flags are 0/1 integers.
CREATE TABLE connectors (
    shop TEXT PRIMARY KEY,                -- shopify, woocommerce, youzan
    enabled INTEGER NOT NULL,
    secret TEXT NOT NULL,                 -- the shared secret the shop signs with; kept in clear because it checks every push
    client_id TEXT NOT NULL,              -- Youzan's client_id (part of its signature); empty for the others
    updated_at BIGINT NOT NULL
);

-- Every push received, whatever became of it. The raw body is kept (for a replay) until the pruning job removes
-- rows older than connectors.log-days.
CREATE TABLE connector_deliveries (
    id ${id},
    shop TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    topic TEXT NOT NULL,                  -- orders/paid, order.updated, trade_TradePaid, ...
    webhook_id TEXT,                      -- the shop's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID, msg_id)
    dedupe_key TEXT,                      -- the webhook id of a verified delivery: a second one with the same key is a duplicate
    order_ref TEXT,                       -- the purchase's externalOrderId, e.g. shopify:820982911946154508
    outcome TEXT NOT NULL,                -- processing, recorded, duplicate, refunded, ignored, rejected, no_member, error
    message TEXT,
    verified INTEGER NOT NULL,            -- 1 when the signature was right: only those may be replayed
    content_type TEXT,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (shop, dedupe_key)
);
CREATE INDEX connector_deliveries_shop_time ON connector_deliveries(shop, received_at);
CREATE INDEX connector_deliveries_shop_id ON connector_deliveries(shop, id);
CREATE INDEX connector_deliveries_time ON connector_deliveries(received_at);
