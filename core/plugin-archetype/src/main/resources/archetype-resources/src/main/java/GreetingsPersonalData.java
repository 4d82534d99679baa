package ${package};

import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this plugin holds about a member, for the member's export (数据导出) and the erasure of their account (注销).
 * Every plugin that keeps rows about members registers one (ctx.personalData in the entry class); the core calls it
 * from GET /api/v1/me/export, DELETE /api/v1/me and the operator's export and erase of a member.
 *
 * <p>Decide per table, and write the decision in your plugin's docs under "Personal data":
 * <ul>
 *   <li>rows that moved points, money or stock stay, with their amounts and states, but every field that names,
 *       reaches or locates the person (names, phones, addresses, free text they wrote) is set to null;</li>
 *   <li>rows kept only for the member's sake (reminders, drafts, follows, like this greeting) are deleted;</li>
 *   <li>pictures the member uploaded are returned in Erased.files(...): the core deletes them after the commit.</li>
 * </ul>
 */
final class GreetingsPersonalData implements PersonalData {

    /** The key of this part in the export's "plugins" object: the plugin id. */
    @Override
    public String section() {
        return "${pluginId}";
    }

    /**
     * Everything about the member, in words they understand: camelCase keys, times as Instants (written as ISO
     * text), states as their codes, amounts as numbers with their asset. Never secrets; sealed fields masked.
     */
    @Override
    public Object export(Handle h, long userId) {
        return h.createQuery("SELECT created_at FROM ${pluginId}_greetings WHERE user_id = :u")
                .bind("u", userId)
                .mapTo(Long.class)
                .findOne()
                .map(at -> {
                    Map<String, Object> greeting = new LinkedHashMap<>();
                    greeting.put("greetedAt", Instant.ofEpochMilli(at));
                    return Map.<String, Object>of("greeting", greeting);
                })
                .orElse(Map.of());                                 // nothing held: an empty section
    }

    /**
     * Runs in one transaction with the core's and every other plugin's part, and again when an operator repeats it:
     * it must be safe to run twice. A greeting moved nothing and exists for the member's sake only: deleted.
     */
    @Override
    public Erased erase(Handle tx, long userId) {
        tx.createUpdate("DELETE FROM ${pluginId}_greetings WHERE user_id = :u").bind("u", userId).execute();
        return Erased.nothing();                                   // or Erased.files(List.of("/uploads/..."))
    }
}
