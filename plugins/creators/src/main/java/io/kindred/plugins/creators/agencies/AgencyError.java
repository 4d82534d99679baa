package io.kindred.plugins.creators.agencies;

import io.kindred.api.ErrorCode;

/** The error codes of agencies and contracts, each with its one status. */
final class AgencyError {

    /** A second contract for a creator whose dates overlap one in force (or to come). */
    static final ErrorCode CONTRACT_EXISTS = ErrorCode.of(409, "contract_exists");
    /** A renewal or termination of a contract that is no longer active. */
    static final ErrorCode WRONG_STATUS = ErrorCode.of(409, "wrong_status");
    /** A contract with a member the roster does not know as a certified creator. */
    static final ErrorCode NOT_A_CREATOR = ErrorCode.of(409, "not_a_creator");
    /** A contract with an agency that is suspended or closed. */
    static final ErrorCode AGENCY_NOT_ACTIVE = ErrorCode.of(409, "agency_not_active");
    /** Two agencies of the same name. */
    static final ErrorCode AGENCY_EXISTS = ErrorCode.of(409, "agency_exists");
    /** A member who already manages another agency. */
    static final ErrorCode MANAGES_ANOTHER = ErrorCode.of(409, "manages_another_agency");
    /** A settlement above the agency's share balance. */
    static final ErrorCode INSUFFICIENT_SHARE = ErrorCode.of(409, "insufficient_share");
    /** A terms file above 5 MiB. */
    static final ErrorCode TERMS_TOO_LARGE = ErrorCode.of(413, "terms_too_large");
    /** A terms file that is not a PDF, PNG, JPEG or WebP. */
    static final ErrorCode TERMS_TYPE = ErrorCode.of(415, "unsupported_terms_file");
    /** A member who is not a manager of the agency asked for. */
    static final ErrorCode NOT_YOUR_AGENCY = ErrorCode.of(403, "not_your_agency");

    private AgencyError() {
    }
}
