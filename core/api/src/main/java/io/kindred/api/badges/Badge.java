package io.kindred.api.badges;

import java.time.Instant;

/**
 * A digital badge (纪念徽章) a member holds, shown next to their name on the profile and in community posts.
 *
 * <pre>{@code
 * for (Badge b : badges.badgesOf(userId)) { html.append(b.name()); }
 * }</pre>
 *
 * @param code      stable code of the badge, e.g. {@code shop:12} for the badge sold as shop item 12
 * @param name      name to show
 * @param imageUrl  image to show, or null for a text badge
 * @param grantedAt when the member received it
 */
public record Badge(String code, String name, String imageUrl, Instant grantedAt) {
}
