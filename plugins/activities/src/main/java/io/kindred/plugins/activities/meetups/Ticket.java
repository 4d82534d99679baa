package io.kindred.plugins.activities.meetups;

/**
 * A member's ticket for an event: joined, on the waiting list, cancelled, or skipped (could not pay when promoted).
 *
 * @param queue  the arrival order on the event, which orders the waiting list
 * @param token  the unguessable door token, encoded in the ticket's QR code ({@code /activities/door/<token>})
 * @param code   a short code the door staff can type when a phone cannot show the QR code
 */
record Ticket(long id, long eventId, long userId, String status, long queue, int attempt, String token, String code,
              long paidPoints, boolean refunded, boolean offlinePaid, Long admittedAt, Long admittedBy, long joinedAt) {

    static final String JOINED = "joined";
    static final String WAITING = "waiting";
    static final String CANCELLED = "cancelled";
    static final String SKIPPED = "skipped";

    boolean active() {
        return status.equals(JOINED) || status.equals(WAITING);
    }

    boolean admitted() {
        return admittedAt != null;
    }
}
