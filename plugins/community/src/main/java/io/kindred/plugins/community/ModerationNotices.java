package io.kindred.plugins.community;

import io.kindred.api.notifications.NotificationType;

import java.util.List;

/**
 * What members hear of moderation (type codes {@code community.moderation.*}): mandatory, since a member must
 * know why they cannot post. Titles and bodies are in {@code messages/community-moderation*.properties}.
 */
final class ModerationNotices {

    /** {reason} */
    static final NotificationType WARNED = type("community.moderation.warned");
    /** {reason}, {until} */
    static final NotificationType MUTED = type("community.moderation.muted");
    /** {reason} */
    static final NotificationType BANNED = type("community.moderation.banned");
    /** no parameters */
    static final NotificationType LIFTED = type("community.moderation.lifted");
    /** {title}, {reason}: the member's post or comment was hidden or deleted */
    static final NotificationType REMOVED = type("community.moderation.removed");
    /** {title}: the member's post or comment is shown again */
    static final NotificationType RESTORED = type("community.moderation.restored");

    static final List<NotificationType> ALL = List.of(WARNED, MUTED, BANNED, LIFTED, REMOVED, RESTORED);

    private ModerationNotices() {
    }

    private static NotificationType type(String code) {
        return NotificationType.of(code).mandatory();
    }
}
