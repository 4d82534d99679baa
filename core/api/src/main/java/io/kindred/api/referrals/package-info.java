/**
 * Referrals and distribution rights: {@link io.kindred.api.referrals.ReferralService} (who referred whom, how
 * many fans) and {@link io.kindred.api.referrals.DistributorRights} (who may earn commission), both provided by
 * the distribution plugin.
 */
package io.kindred.api.referrals;
