package io.kindred.api.events;

/** Where a subscriber that has never run starts reading the outbox. */
public enum Replay {
    /** Only events written after it first subscribed. */
    FROM_NOW,
    /** Every event ever written, oldest first. */
    FROM_START
}
