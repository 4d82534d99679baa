package io.kindred.api.creators;

import java.util.Optional;

/**
 * Which members are certified creators (认证加V: the brand's KOLs and KOCs). The creators (MCN) plugin provides
 * it with {@code ctx.provide(CreatorService.class, ...)}; pages that show a member's name put the V mark next to
 * it, and features reserved for creators (a community category only creators may post in) look it up each
 * time. When no plugin provides it, nobody is certified.
 *
 * <pre>{@code
 * boolean certified = ctx.services().find(CreatorService.class).map(s -> s.isCertified(userId)).orElse(false);
 * }</pre>
 */
public interface CreatorService {

    /**
     * @param userId member id
     * @return whether the member holds a current certification
     */
    boolean isCertified(long userId);

    /**
     * The title of the member's certification, shown with the V mark, e.g. {@code 美妆达人} or {@code Beauty KOL}.
     *
     * @param userId member id
     * @return the title, or empty when the member is not certified or the certification has none
     */
    default Optional<String> certificationTitle(long userId) {
        return Optional.empty();
    }

    /**
     * The creators an operator features now (流量倾斜: traffic tilt), most recently featured first. The community
     * shows them above its lists; a feature ends by itself when its period passes.
     *
     * <pre>{@code
     * List<Long> featured = ctx.services().find(CreatorService.class).map(CreatorService::featuredNow).orElse(List.of());
     * }</pre>
     *
     * @return member ids, at most a few (the provider's setting); none by default
     */
    default java.util.List<Long> featuredNow() {
        return java.util.List.of();
    }
}
