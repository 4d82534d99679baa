-- Issue 21: a member's activations and redeemed codes read along an index instead of the whole table.
CREATE INDEX membership_activations_user ON membership_activations(user_id, id);
CREATE INDEX membership_codes_redeemed_by ON membership_codes(redeemed_by, redeemed_at);
