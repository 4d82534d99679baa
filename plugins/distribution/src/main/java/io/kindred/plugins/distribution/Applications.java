package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

/** Applications for distribution rights: a member applies, an operator approves (a grant) or rejects, with a note. */
final class Applications {

    private final PluginContext ctx;
    private final RightsStore store;
    private final Rights rights;
    private final DistributionAudit audit;

    Applications(PluginContext ctx, RightsStore store, Rights rights, DistributionAudit audit) {
        this.ctx = ctx;
        this.store = store;
        this.rights = rights;
        this.audit = audit;
    }

    RightsStore.Application apply(long userId, String message) {
        if (message != null && message.length() > 1000) {
            throw KindredException.invalidField("The field 'message' must be at most 1000 characters.");
        }
        if (rights.isDistributor(userId)) {
            throw new KindredException(DistributionError.APPLICATION_EXISTS, "You are a distributor already.");
        }
        return ctx.db().write(tx -> {
            if (store.pendingOf(tx, userId).isPresent()) {
                throw new KindredException(DistributionError.APPLICATION_EXISTS, "Your application is being reviewed.");
            }
            long id = store.applyFor(tx, userId, message == null ? null : message.strip(), ctx.clock().millis());
            return store.application(tx, id).orElseThrow();
        });
    }

    RightsStore.Application approve(long id, Member operator, String note) {
        return decide(id, operator, "approved", note);
    }

    RightsStore.Application reject(long id, Member operator, String note) {
        if (note == null || note.isBlank()) {
            throw KindredException.missingField("note");
        }
        return decide(id, operator, "rejected", note);
    }

    private RightsStore.Application decide(long id, Member operator, String status, String note) {
        return ctx.db().write(tx -> {
            RightsStore.Application a = store.application(tx, id)
                    .orElseThrow(() -> KindredException.notFound("There is no application " + id + "."));
            if (!store.decide(tx, id, status, note == null ? null : note.strip(), Operators.idOf(operator),
                    ctx.clock().millis())) {
                throw new KindredException(DistributionError.WRONG_STATUS, "Application " + id + " is " + a.status() + " already.");
            }
            if (status.equals("approved")) {
                rights.grant(tx, a.userId(), "application", note);
            }
            RightsStore.Application decided = store.application(tx, id).orElseThrow();
            audit.applicationDecided(tx, operator, decided);
            return decided;
        });
    }
}
