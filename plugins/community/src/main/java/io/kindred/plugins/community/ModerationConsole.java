package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.PageRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's moderation page ({@code /console/community/moderation}): the queue of reported posts and comments
 * with a decision form each, the mutes and bans in force with a lift button, a form to warn, mute or ban a member,
 * the standing and history of one member ({@code ?member=<id>}), and the word filter. The forms call the same
 * services as the admin API.
 */
final class ModerationConsole {

    private static final String PAGE = "/console/community/moderation";

    private final PluginContext ctx;
    private final ReportQueue queue;
    private final Decisions decisions;
    private final Sanctions sanctions;
    private final Standings standings;

    ModerationConsole(PluginContext ctx, ReportQueue queue, Decisions decisions, Sanctions sanctions, Standings standings) {
        this.ctx = ctx;
        this.queue = queue;
        this.decisions = decisions;
        this.sanctions = sanctions;
        this.standings = standings;
    }

    void page(Exchange x) {
        render(x, null);
    }

    /** Form: type (post|comment), id, action (hide|restore|delete|dismiss), reason. */
    void decide(Exchange x) {
        act(x, () -> {
            Report.TargetType type = "comment".equals(field(x, "type")) ? Report.TargetType.COMMENT : Report.TargetType.POST;
            decisions.decide(x.requireMember(), new Report.Target(type, number(x, "id")),
                    Decisions.Action.parse(field(x, "action")), field(x, "reason"));
        }, "community.moderation.decided");
    }

    /** Form: userId, kind (warn|mute|ban), days, reason. */
    void sanction(Exchange x) {
        act(x, () -> {
            Member operator = x.requireMember();
            long userId = number(x, "userId");
            String reason = field(x, "reason");
            switch (field(x, "kind")) {
                case "warn" -> sanctions.warn(operator, userId, reason);
                case "mute" -> sanctions.mute(operator, userId, (int) Math.min(number(x, "days"), Integer.MAX_VALUE), reason);
                case "ban" -> sanctions.ban(operator, userId, reason);
                default -> throw KindredException.invalidField("kind is one of warn, mute, ban.");
            }
        }, "community.moderation.sanctioned");
    }

    /** Form: userId, reason. */
    void lift(Exchange x) {
        act(x, () -> sanctions.lift(x.requireMember(), number(x, "userId"), field(x, "reason")),
                "community.moderation.lifted");
    }

    /** Form: blockedWords (one per line). */
    void words(Exchange x) {
        act(x, () -> ctx.settings().save(ModerationRules.BLOCKED_WORDS, field(x, "blockedWords")),
                "community.moderation.words_saved");
    }

    private void act(Exchange x, Runnable action, String notice) {
        try {
            action.run();
        } catch (KindredException e) {
            render(x, e.getMessage());
            return;
        }
        x.redirect(PAGE + "?notice=" + notice);
    }

    private void render(Exchange x, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("entries", queue.page(PageRequest.of(null, null, 50, 50)).items().stream()
                .map(ReportQueue.Entry::json).toList());
        List<Map<String, Object>> inForce = sanctions.allInForce().stream().map(s -> {
            Map<String, Object> m = new HashMap<>(s.json());
            m.put("displayName", ctx.members().find(s.userId()).map(Member::displayName).orElse("—"));
            m.put("until", s.endsAt() == null ? "" : sanctions.until(s.endsAt()));
            return m;
        }).toList();
        model.put("sanctions", inForce);
        model.put("blockedWords", ctx.settings().get(ModerationRules.BLOCKED_WORDS).text());
        x.query("member").flatMap(ModerationConsole::parse).flatMap(id -> ctx.members().find(id))
                .ifPresent(m -> model.put("member", standings.member(m)));
        model.put("error", error);
        x.render("community/console/moderation", model);
    }

    private static String field(Exchange x, String name) {
        return x.formValue(name).map(String::strip).orElse("");
    }

    private static java.util.Optional<Long> parse(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static long number(Exchange x, String name) {
        try {
            return Long.parseLong(field(x, name));
        } catch (NumberFormatException e) {
            throw KindredException.invalidField(name + " is a whole number.");
        }
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/console/community/moderation", Access.OPERATOR, g -> {
            g.get("", this::page);
            g.post("/decide", this::decide);
            g.post("/sanction", this::sanction);
            g.post("/lift", this::lift);
            g.post("/words", this::words);
        });
    }
}
