-- Issue 21: the coupon codes handed to a member, read along an index instead of every code of every item.
CREATE INDEX shop_coupon_codes_handed_to ON shop_coupon_codes(handed_to, id);
