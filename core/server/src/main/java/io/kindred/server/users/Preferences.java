package io.kindred.server.users;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.users.MemberPreference;
import io.kindred.server.ui.UiRegistry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Members' yes/no choices declared by started plugins ({@link MemberPreference}). */
public final class Preferences {

    private final Database db;
    private final UiRegistry ui;
    private final MembersView members;
    private final Clock clock;

    public Preferences(Database db, UiRegistry ui, MembersView members, Clock clock) {
        this.db = db;
        this.ui = ui;
        this.members = members;
        this.clock = clock;
    }

    /** @return every declared preference with the member's value, in declaration order */
    public Map<MemberPreference, Boolean> of(long userId) {
        Map<MemberPreference, Boolean> out = new LinkedHashMap<>();
        for (MemberPreference p : ui.preferences()) {
            out.put(p, members.preference(userId, p));
        }
        return out;
    }

    /** @return the declared preference; 400 {@code invalid_field} when no started plugin declares it */
    public MemberPreference check(String key) {
        return ui.preferences().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> KindredException.invalidField("There is no preference '" + key + "'."));
    }

    public void set(long userId, String key, boolean value) {
        MemberPreference p = check(key);
        db.write(h -> h.createUpdate("""
                        INSERT INTO member_preferences(user_id, pref_key, pref_value, updated_at) VALUES (:u, :k, :v, :now)
                        ON CONFLICT (user_id, pref_key) DO UPDATE SET pref_value = excluded.pref_value,
                                                                      updated_at = excluded.updated_at""")
                .bind("u", userId).bind("k", p.key()).bind("v", value ? 1 : 0).bind("now", clock.millis()).execute());
    }
}
