package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The screening workflow: submitted → screening → interview → approved | rejected (rejection from any open
 * status; approval from screening or interview). Every move and score leaves a history row and an audit entry in
 * the transaction that makes it; moving to where the application already is changes nothing, so retries are
 * harmless. Approval publishes {@code creators.application_approved} once per application.
 */
final class Screening {

    static final Map<String, Set<String>> MOVES = Map.of(
            "submitted", Set.of("screening", "rejected"),
            "screening", Set.of("interview", "approved", "rejected"),
            "interview", Set.of("approved", "rejected"),
            "approved", Set.of(),
            "rejected", Set.of());

    private final PluginContext ctx;
    private final ApplicationStore store;
    private final Rubric rubric;
    private final Categories categories;
    private final Outcomes outcomes;

    Screening(PluginContext ctx, ApplicationStore store, Rubric rubric, Categories categories, Outcomes outcomes) {
        this.ctx = ctx;
        this.store = store;
        this.rubric = rubric;
        this.categories = categories;
        this.outcomes = outcomes;
    }

    /** Moves an application to screening, interview or rejected, optionally scoring it on the way. */
    Application move(Member operator, long id, String to, String note, Optional<Map<String, Long>> scores) {
        if (to.equals("approved")) {
            throw KindredException.invalidField("Approve with POST /api/v1/admin/creators/applications/{id}/approve:"
                    + " it needs the creator's category, level, title and grants.");
        }
        if (!Application.STATUSES.contains(to) || to.equals("submitted")) {
            throw KindredException.invalidField("The field 'to' must be screening, interview or rejected.");
        }
        Integer total = scores.map(rubric::total).orElse(null);
        return ctx.db().write(tx -> {
            Application a = load(tx, id);
            if (total != null) {
                scoreIn(tx, operator, a, scores.get(), total, note);
            }
            if (a.status().equals(to)) {
                return store.find(tx, id).orElseThrow();
            }
            allow(a, to);
            long now = ctx.clock().millis();
            boolean decides = to.equals("rejected");
            store.move(tx, id, a.status(), to, actorId(operator), decides ? now : null, null);
            store.step(tx, id, a.status(), to, actorId(operator), operator.displayName(), blankToNull(note), null, now);
            ctx.audit().record(tx, operator, "creators.application_" + to, target(id), note == null ? "" : note);
            if (decides) {
                decided(tx, a, "rejected");
            }
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Records the rubric's scores (and their total) without moving the application. */
    Application score(Member operator, long id, Map<String, Long> scores, String note) {
        int total = rubric.total(scores);
        return ctx.db().write(tx -> {
            Application a = load(tx, id);
            scoreIn(tx, operator, a, scores, total, note);
            return store.find(tx, id).orElseThrow();
        });
    }

    /**
     * Approves: the status change, the history row, the audit entry, {@code creators.application_approved} and the
     * applicant's notification commit together. An application approved already is answered as it is.
     */
    Application approve(Member operator, long id, Approval approval, String note) {
        Approval checked = approval.checked(categories);
        return ctx.db().write(tx -> {
            Application a = load(tx, id);
            if (a.status().equals("approved")) {
                return a;
            }
            allow(a, "approved");
            long now = ctx.clock().millis();
            if (!store.move(tx, id, a.status(), "approved", actorId(operator), now, Json.write(checked.json()))) {
                throw new KindredException(CampaignsError.WRONG_STATUS, "Application " + id + " changed meanwhile.");
            }
            store.step(tx, id, a.status(), "approved", actorId(operator), operator.displayName(), blankToNull(note),
                    null, now);
            ctx.audit().record(tx, operator, "creators.application_approved", target(id),
                    checked.level() + " · " + checked.category() + " · " + checked.title());
            Map<String, Object> payload = new HashMap<>(checked.json());
            payload.put("applicationId", id);
            payload.put("campaignId", a.campaignId());
            payload.put("userId", a.userId());
            ctx.events().publish(tx, "creators.application_approved", a.userId(), payload);
            decided(tx, a, "approved");
            return store.find(tx, id).orElseThrow();
        });
    }

    /** One result of a bulk move: the application as it is now, or why it did not move. */
    record BulkResult(long id, String status, String error) {
    }

    /** Moves many applications, each in its own transaction; one that cannot move does not stop the others. */
    List<BulkResult> bulk(Member operator, List<Long> ids, String to, String note) {
        if (ids.isEmpty() || ids.size() > 200) {
            throw KindredException.invalidField("The field 'ids' takes 1 to 200 applications.");
        }
        return ids.stream().distinct().map(id -> {
            try {
                return new BulkResult(id, move(operator, id, to, note, Optional.empty()).status(), null);
            } catch (KindredException e) {
                if (e.status() == 400 && !e.code().equals("not_found")) {
                    throw e;
                }
                return new BulkResult(id, null, e.code());
            }
        }).toList();
    }

    private void scoreIn(Handle tx, Member operator, Application a, Map<String, Long> scores, int total, String note) {
        if (!MOVES.get(a.status()).isEmpty()) {
            store.score(tx, a.id(), total, scores, actorId(operator));
            store.step(tx, a.id(), a.status(), a.status(), actorId(operator), operator.displayName(), blankToNull(note),
                    total, ctx.clock().millis());
            ctx.audit().record(tx, operator, "creators.application_scored", target(a.id()), "score " + total);
        } else {
            throw new KindredException(CampaignsError.WRONG_STATUS, "Application " + a.id() + " is " + a.status() + " already.");
        }
    }

    private void decided(Handle tx, Application a, String status) {
        ctx.events().publish(tx, "creators.application_decided", a.userId(),
                Map.of("applicationId", a.id(), "userId", a.userId(), "status", status));
        outcomes.notify(tx, a, status);
    }

    private Application load(Handle tx, long id) {
        return store.find(tx, id).orElseThrow(() -> KindredException.notFound("There is no application " + id + "."));
    }

    private static void allow(Application a, String to) {
        if (!MOVES.get(a.status()).contains(to)) {
            throw new KindredException(CampaignsError.WRONG_STATUS,
                    "Application " + a.id() + " is " + a.status() + "; it cannot move to " + to + ".");
        }
    }

    static Long actorId(Member operator) {
        return operator.id() == 0 ? null : operator.id();
    }

    static String target(long id) {
        return "creators:application:" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
