package io.kindred.plugins.activities.meetups;

import java.util.List;

/**
 * An offline event (线下活动) as stored, with the count of joined and waiting tickets.
 *
 * @param funding null when the event is not crowdfunded, else {@code pending}, {@code reached} or {@code missed}
 */
record Meetup(long id, String title, String description, String coverUrl, String city, String address, long startsAt,
              long endsAt, int capacity, String audience, String audienceValue, long pricePoints, long priceOffline,
              String currency, Integer minParticipants, Long deadlineAt, String funding, long rewardPoints,
              String rewardBadge, String status, String cancelReason, Long proposedBy, String decisionNote,
              Long recapPostId, int joined, int waiting, long createdAt, long updatedAt) {

    static final String PROPOSED = "proposed";
    static final String REJECTED = "rejected";
    static final String OPEN = "open";
    static final String CANCELLED = "cancelled";
    static final List<String> AUDIENCES = List.of("all", "tier", "plan", "label");

    boolean crowdfunded() {
        return minParticipants != null && deadlineAt != null;
    }

    int seatsLeft() {
        return Math.max(0, capacity - joined);
    }

    boolean startedAt(long now) {
        return now >= startsAt;
    }
}
