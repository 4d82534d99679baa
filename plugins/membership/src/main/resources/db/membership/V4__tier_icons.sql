-- Tier icons are shown in the tier badge: the shipped names become the emoji they stand for (a theme may
-- still style .membership-badge). Icons the operator changed are left alone.
UPDATE membership_tiers SET icon = '🌱' WHERE icon = 'sprout';
UPDATE membership_tiers SET icon = '🍃' WHERE icon = 'leaf';
UPDATE membership_tiers SET icon = '⭐' WHERE icon = 'star';
UPDATE membership_tiers SET icon = '💎' WHERE icon = 'gem';
UPDATE membership_tiers SET icon = '👑' WHERE icon = 'crown';
