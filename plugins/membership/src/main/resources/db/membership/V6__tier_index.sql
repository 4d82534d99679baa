-- Segments screen members by tier (the `tier` filter): members of one rank, read from this index alone.
CREATE INDEX membership_members_tier ON membership_members(tier_rank, user_id);
