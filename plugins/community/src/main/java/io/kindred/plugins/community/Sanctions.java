package io.kindred.plugins.community;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operators do to members: warn, mute for some days, ban until lifted, lift. Each act is audited and the
 * member notified in the same transaction. Operators cannot be sanctioned here.
 */
final class Sanctions {

    static final int MAX_MUTE_DAYS = 365;
    static final int MAX_REASON = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PluginContext ctx;
    private final SanctionStore store;

    Sanctions(PluginContext ctx, SanctionStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** @return the sanction that stops the member now (a ban before a mute), if any */
    Optional<Sanction> inForce(long userId) {
        long now = ctx.clock().millis();
        List<Sanction> list = ctx.db().read(h -> store.inForce(h, userId, now));
        return list.stream().filter(s -> s.kind() == Sanction.Kind.BAN).findFirst().or(() -> list.stream().findFirst());
    }

    List<Sanction> history(long userId) {
        return ctx.db().read(h -> store.history(h, userId, 100));
    }

    List<Sanction> allInForce() {
        long now = ctx.clock().millis();
        return ctx.db().read(h -> store.allInForce(h, now, 200));
    }

    Sanction warn(Member operator, long userId, String reason) {
        return give(operator, userId, Sanction.Kind.WARN, reason, null);
    }

    Sanction mute(Member operator, long userId, int days, String reason) {
        if (days < 1 || days > MAX_MUTE_DAYS) {
            throw KindredException.invalidField("days is 1 to " + MAX_MUTE_DAYS + ".");
        }
        return give(operator, userId, Sanction.Kind.MUTE, reason, ctx.clock().millis() + Duration.ofDays(days).toMillis());
    }

    Sanction ban(Member operator, long userId, String reason) {
        return give(operator, userId, Sanction.Kind.BAN, reason, null);
    }

    /** Lifts the member's mutes and bans in force. */
    void lift(Member operator, long userId, String reason) {
        Member member = member(userId);
        String why = reason(reason);
        long now = ctx.clock().millis();
        ctx.db().write(h -> {
            if (store.lift(h, userId, operator.id(), now) == 0) {
                throw new KindredException(ModerationError.NO_SANCTION, member.displayName() + " is neither muted nor banned.");
            }
            ctx.audit().record(h, operator, "community.member_lifted", "user:" + userId,
                    "Lifted the mute or ban of " + member.displayName() + sentence(why));
            ctx.notifications().send(h, userId, ModerationNotices.LIFTED.code(), Map.of(), "/community",
                    "community:lifted:" + userId + ":" + now);
            return null;
        });
    }

    /** @return "until" as members read it, in the site's time zone */
    String until(long endsAt) {
        return WHEN.format(Instant.ofEpochMilli(endsAt).atZone(ctx.siteZone()));
    }

    private Sanction give(Member operator, long userId, Sanction.Kind kind, String reason, Long endsAt) {
        Member member = member(userId);
        if (member.hasRole(Role.OPERATOR)) {
            throw new KindredException(ModerationError.OPERATOR_EXEMPT, "Operators are not warned, muted or banned here.");
        }
        String why = reason(reason);
        long now = ctx.clock().millis();
        return ctx.db().write(h -> {
            long id = store.insert(h, userId, kind, why, endsAt, operator.id(), now);
            String until = endsAt == null ? "" : until(endsAt);
            String detail = switch (kind) {
                case WARN -> "Warned " + member.displayName();
                case MUTE -> "Muted " + member.displayName() + " until " + until;
                case BAN -> "Banned " + member.displayName();
            };
            ctx.audit().record(h, operator, "community.member_" + past(kind), "user:" + userId, detail + sentence(why));
            var type = switch (kind) {
                case WARN -> ModerationNotices.WARNED;
                case MUTE -> ModerationNotices.MUTED;
                case BAN -> ModerationNotices.BANNED;
            };
            ctx.notifications().send(h, userId, type.code(), Map.of("reason", why, "until", until), "/community",
                    "community:sanction:" + id);
            return store.history(h, userId, 1).get(0);
        });
    }

    private Member member(long userId) {
        return ctx.members().find(userId)
                .orElseThrow(() -> new KindredException(CoreError.USER_NOT_FOUND, "No such member."));
    }

    private static String past(Sanction.Kind kind) {
        return switch (kind) {
            case WARN -> "warned";
            case MUTE -> "muted";
            case BAN -> "banned";
        };
    }

    static String reason(String reason) {
        String r = reason == null ? "" : reason.strip().replaceAll("\\p{Cntrl}", " ");
        if (r.length() > MAX_REASON) {
            throw KindredException.invalidField("A reason is at most " + MAX_REASON + " characters.");
        }
        return r;
    }

    static String sentence(String reason) {
        return reason.isEmpty() ? "." : ": " + reason + (reason.endsWith(".") ? "" : ".");
    }
}
