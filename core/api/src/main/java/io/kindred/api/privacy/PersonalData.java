package io.kindred.api.privacy;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * What a plugin holds about one member: its part of the member's export (数据导出) and of the erasure of their
 * account (注销). The core calls it for every started plugin; the platform's own data (profile, ledger, purchases,
 * sessions, notifications, uploads) is the core's part.
 *
 * <p>Erasure keeps what the books need and removes the person: rows that move points, money or stock (ledger
 * transfers, redemptions, orders, commissions) stay, with every field that names, reaches or locates the person
 * (names, phones, addresses, account numbers, free text they wrote, identity numbers, social handles) set to null,
 * emptied or replaced by a fixed placeholder; rows kept only for the member's sake (drafts, reminders, follows) are
 * deleted. Erasure runs in the same transaction for every plugin, so it happens entirely or not at all, and must be
 * safe to run again on an erased member (an operator repeats it after re-enabling a plugin that was off).
 *
 * <pre>{@code
 * ctx.personalData(new PersonalData() {
 *     public String section() { return "checkin"; }
 *     public Object export(Handle h, long userId) {
 *         return Map.of("checkins", h.createQuery("SELECT day, streak FROM checkins WHERE user_id = :u")
 *                 .bind("u", userId).mapToMap().list());
 *     }
 *     public Erased erase(Handle tx, long userId) {
 *         tx.createUpdate("DELETE FROM checkin_reminders WHERE user_id = :u").bind("u", userId).execute();
 *         return Erased.nothing();
 *     }
 * });
 * }</pre>
 */
public interface PersonalData {

    /**
     * @return this part's key in the export's JSON, unique on the platform; the plugin id is the usual choice
     */
    String section();

    /**
     * Everything the plugin holds about the member, in words a member can read: a JSON-ready value made of maps,
     * lists, strings, numbers, booleans and nulls ({@link java.time.Instant}s and {@link java.time.LocalDate}s are
     * written as ISO text). Secrets (hashes, tokens) are left out; sealed fields are shown masked.
     *
     * @param h      a read connection
     * @param userId the member
     * @return the section's content; an empty map when the plugin holds nothing about them
     */
    Object export(Handle h, long userId);

    /**
     * Pictures the plugin stored for the member through {@link io.kindred.api.web.Images} (their {@code /uploads/...}
     * addresses), added as files to the member's ZIP download. None by default.
     *
     * @param h      a read connection
     * @param userId the member
     * @return the addresses
     */
    default List<String> files(Handle h, long userId) {
        return List.of();
    }

    /**
     * Erases or pseudonymises the member's personal data in the plugin's tables, in the erasure's transaction.
     *
     * @param tx     the write transaction shared by the core and every plugin
     * @param userId the member
     * @return the uploaded files ({@code /uploads/...} addresses) to delete once the transaction committed
     */
    Erased erase(Handle tx, long userId);

    /**
     * What an erasure leaves for the core to do after the commit.
     *
     * @param files {@code /uploads/...} addresses of the member's pictures; the core deletes them
     */
    record Erased(List<String> files) {

        public Erased {
            files = List.copyOf(files);
        }

        /** @return nothing more to do */
        public static Erased nothing() {
            return new Erased(List.of());
        }

        /**
         * @param files the pictures to delete
         * @return an erasure that deletes them after the commit
         */
        public static Erased files(List<String> files) {
            return new Erased(files);
        }
    }
}
