-- Tier and card names per language, like every other label: `name` is the English (default) name, `name_zh`
-- the Simplified Chinese one (NULL = the English name is shown). Until now one name served both languages and
-- the shipped ones were Chinese: each existing name becomes the Chinese name, and the shipped names that the
-- operator never changed get their English name.
ALTER TABLE membership_tiers ADD COLUMN name_zh TEXT;
ALTER TABLE membership_plans ADD COLUMN name_zh TEXT;
UPDATE membership_tiers SET name_zh = name;
UPDATE membership_plans SET name_zh = name;
UPDATE membership_tiers SET name = 'Community rookie' WHERE code = 'V1' AND name = '社区菜鸟';
UPDATE membership_tiers SET name = 'Rising member' WHERE code = 'V2' AND name = '社区新秀';
UPDATE membership_tiers SET name = 'Community expert' WHERE code = 'V3' AND name = '社区达人';
UPDATE membership_tiers SET name = 'Community elite' WHERE code = 'V4' AND name = '社区精英';
UPDATE membership_tiers SET name = 'Community leader' WHERE code = 'V5' AND name = '社区领袖';
UPDATE membership_plans SET name = 'Monthly card' WHERE code = 'monthly' AND name = '普通月卡';
UPDATE membership_plans SET name = 'Quarterly card' WHERE code = 'quarterly' AND name = '普通季卡';
UPDATE membership_plans SET name = 'Annual card' WHERE code = 'annual' AND name = '普通年卡';
UPDATE membership_plans SET name = 'Monthly card Plus' WHERE code = 'monthly_plus' AND name = '高级月卡';
UPDATE membership_plans SET name = 'Quarterly card Plus' WHERE code = 'quarterly_plus' AND name = '高级季卡';
UPDATE membership_plans SET name = 'Annual card Plus' WHERE code = 'annual_plus' AND name = '高级年卡';
