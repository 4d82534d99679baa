package io.kindred.server.privacy;

import io.kindred.api.privacy.MemberRows;
import io.kindred.server.users.Tokens;
import io.kindred.server.web.Json;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's own part of a member's personal data: the SQL that reads it for the export and erases it.
 * Erasure keeps the books: the user row stays (status {@code erased}) so that ledger accounts, purchases and sign-in
 * counts still add up, but every field that names, reaches or locates the person goes.
 */
final class CorePersonalData {

    static final String ERASED_NAME = "Deleted member";
    static final String PLACEHOLDER = "[erased]";

    /** The member's values that other rows may repeat (event payloads, shop deliveries), to scrub there too. */
    record Identifiers(String email, String phone, String displayName) {
    }

    Map<String, Object> profile(Handle h, long userId) {
        return rows(h, """
                        SELECT id, email, phone, display_name, avatar, birthday, shipping_address, locale, referral_code,
                               referred_by_code, total_spent, purchase_count, last_purchase_day, last_active_day, status,
                               created_at, updated_at, erased_at
                          FROM users WHERE id = :u""", userId).stream().findFirst().orElse(Map.of());
    }

    Map<String, Object> account(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roles", h.createQuery("SELECT role FROM user_roles WHERE user_id = :u ORDER BY role")
                .bind("u", userId).mapTo(String.class).list());
        m.put("labels", rows(h, "SELECT label, created_at FROM user_labels WHERE user_id = :u ORDER BY label", userId));
        m.put("externalIds", rows(h, "SELECT system, external_id, created_at FROM user_external_ids WHERE user_id = :u", userId));
        m.put("preferences", rows(h, "SELECT pref_key, pref_value, updated_at FROM member_preferences WHERE user_id = :u", userId));
        m.put("notificationChoices", rows(h, "SELECT type, channel, enabled FROM notification_prefs WHERE user_id = :u", userId));
        m.put("secondFactor", h.createQuery("SELECT COUNT(*) FROM totp_factors WHERE user_id = :u AND confirmed_at IS NOT NULL")
                .bind("u", userId).mapTo(Integer.class).one() > 0);
        m.put("sessions", rows(h, """
                SELECT user_agent, address, created_at, last_seen_at, expires_at FROM sessions WHERE user_id = :u""", userId));
        m.put("signIns", rows(h, "SELECT created_at FROM sign_ins WHERE user_id = :u ORDER BY created_at DESC", userId));
        m.put("uploads", rows(h, "SELECT folder, name, created_at FROM member_uploads WHERE user_id = :u", userId));
        return m;
    }

    Map<String, Object> ledger(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("balances", rows(h, """
                SELECT asset, balance FROM ledger_accounts WHERE user_id = :u""", userId));
        m.put("entries", rows(h, """
                SELECT e.id, a.asset, e.amount, e.balance_after, t.reason, t.reference, e.created_at
                  FROM ledger_accounts a
                  JOIN ledger_entries e ON e.account_id = a.id
                  JOIN ledger_transfers t ON t.id = e.transfer_id
                 WHERE a.user_id = :u""", userId).stream()   // along each account's index; one sort of the member's rows here
                .sorted(java.util.Comparator.comparingLong(r -> ((Number) r.get("id")).longValue())).toList());
        return m;
    }

    List<Map<String, Object>> purchases(Handle h, long userId) {
        return rows(h, """
                SELECT external_order_id, amount, currency, sku, status, created_at, refunded_at
                  FROM purchases WHERE user_id = :u ORDER BY id""", userId);
    }

    List<Map<String, Object>> notifications(Handle h, long userId) {
        return rows(h, """
                SELECT id, type, params, link, created_at, read_at FROM notifications WHERE user_id = :u""", userId).stream()
                .sorted(java.util.Comparator.comparingLong(r -> ((Number) r.get("id")).longValue())).toList();
    }

    /** @return the uploaded files of the member (folder/name under the uploads folder) */
    List<String> uploads(Handle h, long userId) {
        return h.createQuery("SELECT folder || '/' || name FROM member_uploads WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).list();
    }

    Identifiers identifiers(Handle h, long userId) {
        return h.createQuery("SELECT email, phone, display_name FROM users WHERE id = :u").bind("u", userId)
                .map((rs, c) -> new Identifiers(rs.getString(1), rs.getString(2), rs.getString(3))).one();
    }

    /**
     * Erases the member's personal data from the platform's tables, in the erasure's transaction, and forgets the
     * member and their sessions in the caller cache.
     *
     * @return the member's uploads (folder/name) whose files go after the commit
     */
    List<String> erase(Handle h, long userId, Identifiers who, long now, io.kindred.server.users.CallerCache cache) {
        List<String> files = new ArrayList<>(uploads(h, userId));
        cache.forgetUser(h, userId); // erased: no name, no session
        h.createUpdate("""
                        UPDATE users SET email = NULL, phone = NULL, password_hash = NULL, display_name = :name, avatar = NULL,
                               birthday = NULL, shipping_address = NULL, locale = NULL, referral_code = :code,
                               status = 'erased', erased_at = COALESCE(erased_at, :now), updated_at = :now
                         WHERE id = :u""")
                .bind("name", ERASED_NAME).bind("code", "X" + Tokens.code(10)).bind("now", now).bind("u", userId).execute();
        for (String table : List.of("sessions", "password_resets", "member_preferences", "user_labels", "user_external_ids",
                "totp_factors", "recovery_codes", "notification_prefs", "member_uploads")) {
            h.createUpdate("DELETE FROM " + table + " WHERE user_id = :u").bind("u", userId).execute();
        }
        h.createUpdate("DELETE FROM email_outbox WHERE user_id = :u").bind("u", userId).execute();
        h.createUpdate("DELETE FROM notifications WHERE user_id = :u").bind("u", userId).execute();
        if (who.phone() != null) {
            h.createUpdate("DELETE FROM phone_claim_codes WHERE phone = :p").bind("p", who.phone()).execute();
        }
        scrub(h, userId, who);
        return files;
    }

    /**
     * Replaces the member's identifiers in rows that copy them: the payloads of their events (a webhook or a late
     * subscriber reads those), shop deliveries that carried their order, merge summaries that name them.
     */
    private void scrub(Handle h, long userId, Identifiers who) {
        List<String> values = new ArrayList<>();
        for (String v : new String[]{who.email(), who.phone(), who.displayName()}) {
            if (v != null && v.length() >= 3 && !v.equals(ERASED_NAME)) {
                values.add(v);
            }
        }
        scrubEvents(h, userId, values);
        for (String v : values) {
            h.createUpdate("""
                            UPDATE member_merges SET summary = REPLACE(summary, :v, :p)
                             WHERE (from_id = :u OR into_id = :u) AND summary LIKE '%' || :v || '%'""")
                    .bind("v", v).bind("p", PLACEHOLDER).bind("u", userId).execute();
        }
        // Other members' notifications may name the member (a comment, a mention, a new fan): a value that is exactly
        // one of the identifiers is replaced, not a word that merely contains it.
        for (String v : values) {
            String quoted = Json.write(v);
            h.createUpdate("UPDATE notifications SET params = REPLACE(params, :q, :p) WHERE params LIKE '%' || :q || '%'")
                    .bind("q", quoted).bind("p", Json.write(PLACEHOLDER)).execute();
        }
        // The shop's own copies of an order name the buyer by email and phone; a display name is too common to hunt
        // across every delivery, so only those two are replaced there.
        for (String v : new String[]{who.email(), who.phone()}) {
            if (v != null) {
                h.createUpdate("UPDATE connector_deliveries SET body = REPLACE(body, :v, :p) WHERE body LIKE '%' || :v || '%'")
                        .bind("v", v).bind("p", PLACEHOLDER).execute();
            }
        }
    }

    /** In the member's own events: fields that hold a person's data emptied, their identifiers replaced elsewhere. */
    private void scrubEvents(Handle h, long userId, List<String> values) {
        List<Map.Entry<Long, String>> events = h.createQuery("SELECT id, payload FROM events WHERE user_id = :u")
                .bind("u", userId).map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        for (Map.Entry<Long, String> e : events) {
            Object payload = Json.readMap(e.getValue());
            Object clean = Scrubber.scrub(payload, values);
            if (!clean.equals(payload)) {
                h.createUpdate("UPDATE events SET payload = :p WHERE id = :id")
                        .bind("p", Json.write(clean)).bind("id", e.getKey()).execute();
            }
        }
    }

    private static List<Map<String, Object>> rows(Handle h, String sql, long userId) {
        return MemberRows.rows(h, userId, sql);
    }
}
