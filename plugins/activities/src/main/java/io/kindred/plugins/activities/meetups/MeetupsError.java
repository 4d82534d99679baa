package io.kindred.plugins.activities.meetups;

import io.kindred.api.ErrorCode;

/** The error codes of offline events and their tickets, each with its one status. */
final class MeetupsError {

    /** The member holds a ticket (joined or waiting) for this event already. */
    static final ErrorCode ALREADY_JOINED = ErrorCode.of(409, "already_joined");
    /** The event is not open for joining: proposed, rejected, cancelled, or started. */
    static final ErrorCode EVENT_CLOSED = ErrorCode.of(409, "event_closed");
    /** The event is for another audience (a tier, plan holders, a label) than the member. */
    static final ErrorCode NOT_ELIGIBLE = ErrorCode.of(403, "not_eligible");
    /** The member has no ticket for this event (or it is cancelled). */
    static final ErrorCode NO_TICKET = ErrorCode.of(404, "no_ticket");
    /** A move the event's or ticket's status does not allow (e.g. approving an open event). */
    static final ErrorCode WRONG_STATUS = ErrorCode.of(409, "wrong_status");
    /** Photos and the recap come after the event has started, from its participants and operators. */
    static final ErrorCode NOT_A_PARTICIPANT = ErrorCode.of(403, "not_a_participant");
    /** The community board is not there (plugin absent or disabled). */
    static final ErrorCode COMMUNITY_OFF = ErrorCode.of(409, "community_unavailable");

    private MeetupsError() {
    }
}
