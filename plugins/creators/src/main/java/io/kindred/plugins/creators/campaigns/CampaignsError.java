package io.kindred.plugins.creators.campaigns;

import io.kindred.api.ErrorCode;

/** The error codes of campaigns and applications, each with its one status. */
final class CampaignsError {

    /** The member applied to this campaign already. */
    static final ErrorCode ALREADY_APPLIED = ErrorCode.of(409, "already_applied");
    /** The campaign is a draft, closed, or past its end date. */
    static final ErrorCode CAMPAIGN_CLOSED = ErrorCode.of(409, "campaign_closed");
    /** The campaign's start date has not come yet. */
    static final ErrorCode CAMPAIGN_NOT_STARTED = ErrorCode.of(409, "campaign_not_started");
    /** The campaign has as many applications as its quota. */
    static final ErrorCode QUOTA_REACHED = ErrorCode.of(409, "quota_reached");
    /** A move the workflow does not allow from the application's status (e.g. rejected → screening). */
    static final ErrorCode WRONG_STATUS = ErrorCode.of(409, "wrong_status");

    private CampaignsError() {
    }
}
