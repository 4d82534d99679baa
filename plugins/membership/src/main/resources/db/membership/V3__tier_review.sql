-- Downgrade policy "yearly": each member's tier is reviewed once a year on the growth of the last 12 months.
-- reviewed_at starts when the member first earns growth (or, for members from before, at their first award).
ALTER TABLE membership_members ADD COLUMN reviewed_at BIGINT;
UPDATE membership_members
   SET reviewed_at = COALESCE((SELECT MIN(a.created_at) FROM membership_awards a
                                WHERE a.user_id = membership_members.user_id), updated_at);
CREATE INDEX membership_members_review ON membership_members(reviewed_at);
