package io.kindred.api.users;

import java.util.Optional;
import java.util.Set;

/**
 * Read access to members for plugins.
 *
 * <pre>{@code
 * ctx.members().find(event.userId()).map(Member::displayName).orElse("?");
 * }</pre>
 */
public interface Members {

    /** @param id member id @return the member, if they exist */
    Optional<Member> find(long id);

    /** @param email an email, case-insensitive @return the member, if any */
    Optional<Member> findByEmail(String email);

    /**
     * Active members whose display name is exactly {@code displayName} (case as written), e.g. to resolve an
     * {@code @name} mention. Names are not unique, so this is a list; it is empty when nobody has the name.
     *
     * <pre>{@code
     * List<Member> named = ctx.members().findByDisplayName("Lily");
     * if (named.size() == 1) { notify(named.get(0)); }
     * }</pre>
     *
     * @param displayName a display name
     * @return at most 10 active members with that name, oldest account first
     */
    default java.util.List<Member> findByDisplayName(String displayName) {
        return java.util.List.of();
    }

    /**
     * When the member's account was created (or imported), e.g. to give members standing after some days.
     *
     * <pre>{@code
     * boolean newcomer = ctx.members().joinedAt(id).map(t -> t.isAfter(now.minus(Duration.ofDays(7)))).orElse(true);
     * }</pre>
     *
     * @param id member id
     * @return the instant the account was created; empty when the member does not exist or the host does not say
     */
    default Optional<java.time.Instant> joinedAt(long id) {
        return Optional.empty();
    }

    /** @param id member id @return the member's labels (tags set by operators or rules) */
    Set<String> labels(long id);

    /**
     * @param id         member id
     * @param preference a preference some plugin declared
     * @return the member's choice, or the preference's default when they never chose
     */
    boolean preference(long id, MemberPreference preference);

    /**
     * The member's shipping address from their profile, e.g. to prefill the address of a physical
     * redemption. Fields (each present only when filled in): {@code name, phone, country, province, city,
     * district, line1, line2, postalCode}, in that order.
     *
     * <pre>{@code
     * String text = String.join(", ", ctx.members().shippingAddress(userId).orElse(Map.of()).values());
     * }</pre>
     *
     * @param id member id
     * @return the address fields in the order above, or empty when the member has none (or does not exist)
     */
    default Optional<java.util.Map<String, String>> shippingAddress(long id) {
        return Optional.empty();
    }

    /**
     * Which parts of the member's profile are filled in, e.g. for a "complete your profile" or "bind your phone" task:
     * among {@code displayName}, {@code avatar}, {@code birthday}, {@code phone}, {@code shippingAddress}.
     *
     * <pre>{@code
     * boolean phoneBound = ctx.members().profileFilled(userId).contains("phone");
     * }</pre>
     *
     * @param id member id
     * @return the names of the filled fields; empty when there is no such member (or the host does not say)
     */
    default Set<String> profileFilled(long id) {
        return Set.of();
    }

    /**
     * The member's own invite code (邀请码), stable for life, as in {@code /signup?ref=CODE}.
     *
     * <pre>{@code
     * String link = siteUrl + "/signup?ref=" + ctx.members().referralCode(userId).orElseThrow();
     * }</pre>
     *
     * @param id member id
     * @return the code, or empty when there is no such member (or the host does not say)
     */
    default Optional<String> referralCode(long id) {
        return Optional.empty();
    }

    /**
     * The member whose invite code this member signed up with, as the core recorded it at sign-up (the code of
     * {@code /signup?ref=CODE}, or {@code referralCode} of the register API). The distribution plugin binds from
     * it; who a member is bound to now is {@link io.kindred.api.referrals.ReferralService#referrerOf(long)}.
     *
     * <pre>{@code
     * Optional<Long> inviter = ctx.members().invitedBy(userId);
     * }</pre>
     *
     * @param id member id
     * @return the inviter's id, or empty when the member signed up without a code (or the host does not say)
     */
    default Optional<Long> invitedBy(long id) {
        return Optional.empty();
    }

    /**
     * @return how many member accounts are active (operators and administrators included; blocked or
     * deleted accounts not), e.g. to count the members a plugin has no row for; 0 when the host does not say
     */
    default long countActive() {
        return 0;
    }

    /**
     * Active members whose birthday (from their profile) falls on the month and day of {@code day}, e.g. for a
     * birthday gift job. In a year that is not a leap year, members born on 29 February are included on
     * 28 February, so that they are greeted once a year too.
     *
     * <pre>{@code
     * for (long userId : ctx.members().bornOn(LocalDate.now(ctx.clock().withZone(ctx.siteZone())))) { ... }
     * }</pre>
     *
     * @param day a day in the site's time zone
     * @return their ids, ascending; empty when the host offers no birthdays
     */
    default java.util.List<Long> bornOn(java.time.LocalDate day) {
        return java.util.List.of();
    }

    /**
     * One page of the walk over all active members (operators and administrators included; blocked or
     * deleted accounts not), in ascending id order, for jobs that visit every member: pass 0 first, then the
     * last id of the page before, until a page comes back shorter than {@code limit}. A job that stops
     * half-way can resume from the last id it finished. Members who join during the walk are met when their
     * id comes.
     *
     * <pre>{@code
     * for (List<Member> page = members.page(0, 500); !page.isEmpty(); page = members.page(page.get(page.size() - 1).id(), 500)) { ... }
     * }</pre>
     *
     * @param afterId the last id already visited, 0 to start
     * @param limit   at most this many, 1 to 1000
     * @return the next active members with an id above {@code afterId}; empty at the end (or when the host
     * offers no walk)
     */
    default java.util.List<Member> page(long afterId, int limit) {
        return java.util.List.of();
    }

    /**
     * Walks every active member in ascending id order, {@code batchSize} at a time, never holding more than
     * one batch: the same walk as {@link #page}, for a job that does not need to resume. Each batch is read in
     * its own short read; do each batch's writes in your own transaction.
     *
     * <pre>{@code
     * ctx.members().forEachBatch(500, batch -> batch.forEach(m -> greet(m)));
     * }</pre>
     *
     * @param batchSize members per batch, 1 to 1000
     * @param batch     called once per non-empty batch, in id order
     */
    default void forEachBatch(int batchSize, java.util.function.Consumer<java.util.List<Member>> batch) {
        long after = 0;
        while (true) {
            java.util.List<Member> page = page(after, batchSize);
            if (page.isEmpty()) {
                return;
            }
            batch.accept(page);
            if (page.size() < batchSize) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }
}
