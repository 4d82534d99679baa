-- Exclusive items (会员专享): only members whose tier or paid plan carries the benefit shop.exclusive can
-- redeem them. A flag, INTEGER 0/1 like active; existing items stay open to everyone.
ALTER TABLE shop_items ADD COLUMN exclusive INTEGER NOT NULL DEFAULT 0;
