-- Purchases reported by the brand's shop, idempotent on the shop's order id.
CREATE TABLE purchases (
    id ${id},
    external_order_id TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    amount BIGINT NOT NULL CHECK (amount >= 0),
    currency TEXT NOT NULL,
    sku TEXT,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    refunded_at BIGINT
);
CREATE INDEX purchases_user ON purchases(user_id, id);
