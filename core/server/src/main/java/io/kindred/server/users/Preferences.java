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
    private final UserStore users;
    private final Clock clock;

    public Preferences(Database db, UiRegistry ui, MembersView members, UserStore users, Clock clock) {
        this.db = db;
        this.ui = ui;
        this.members = members;
        this.users = users;
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
        db.write(h -> {
            users.setPreference(h, userId, p.key(), value, clock.millis());
            return null;
        });
    }
}
