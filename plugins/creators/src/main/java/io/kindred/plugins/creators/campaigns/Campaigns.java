package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.time.LocalDate;
import java.util.List;

import static io.kindred.api.web.Fields.text;
import static io.kindred.api.web.Fields.day;

/** Creating, changing and finding campaigns; every change by an operator is audited. */
final class Campaigns {

    /** A campaign as an operator writes it (API body and console form alike). */
    record Draft(String title, String category, String startsOn, String endsOn, int quota, String description,
                 String status, List<FormField> form) {
    }

    private final PluginContext ctx;
    private final CampaignStore store;
    private final Categories categories;

    Campaigns(PluginContext ctx, CampaignStore store, Categories categories) {
        this.ctx = ctx;
        this.store = store;
        this.categories = categories;
    }

    Campaign create(Member operator, Draft draft) {
        CampaignStore.Input in = validated(draft);
        return ctx.db().write(tx -> {
            long id = store.insert(tx, in, ctx.clock().millis());
            ctx.audit().record(tx, operator, "creators.campaign_created", target(id), in.title());
            return store.find(tx, id).orElseThrow();
        });
    }

    Campaign update(Member operator, long id, Draft draft) {
        CampaignStore.Input in = validated(draft);
        return ctx.db().write(tx -> {
            if (!store.update(tx, id, in, ctx.clock().millis())) {
                throw notFound(id);
            }
            ctx.audit().record(tx, operator, "creators.campaign_updated", target(id), in.title() + " (" + in.status() + ")");
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Deletes a campaign nobody applied to yet; one with applications is closed instead. */
    void delete(Member operator, long id) {
        ctx.db().write(tx -> {
            Campaign c = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (c.applied() > 0) {
                throw new KindredException(CampaignsError.WRONG_STATUS,
                        "Campaign " + id + " has applications; close it instead of deleting it.");
            }
            store.delete(tx, id);
            ctx.audit().record(tx, operator, "creators.campaign_deleted", target(id), c.title());
            return null;
        });
    }

    Campaign find(long id) {
        return ctx.db().read(h -> store.find(h, id)).orElseThrow(() -> notFound(id));
    }

    /** @return a campaign a member may see: any that is not a draft */
    Campaign findPublished(long id) {
        Campaign c = find(id);
        if (c.status().equals("draft")) {
            throw notFound(id);
        }
        return c;
    }

    List<Campaign> open(int limit) {
        return ctx.db().read(h -> store.open(h, ctx.today(), limit));
    }

    static KindredException notFound(long id) {
        return KindredException.notFound("There is no campaign " + id + ".");
    }

    static String target(long id) {
        return "creators:campaign:" + id;
    }

    private CampaignStore.Input validated(Draft d) {
        String title = text(d.title(), "title", 200);
        String description = d.description() == null ? "" : d.description().strip();
        if (description.length() > 10_000) {
            throw KindredException.invalidField("The field 'description' must be at most 10000 characters.");
        }
        LocalDate starts = day(d.startsOn(), "startsOn");
        LocalDate ends = day(d.endsOn(), "endsOn");
        if (ends.isBefore(starts)) {
            throw KindredException.invalidField("The field 'endsOn' must not be before 'startsOn'.");
        }
        if (d.quota() < 1 || d.quota() > 1_000_000) {
            throw KindredException.invalidField("The field 'quota' must be from 1 to 1000000.");
        }
        String status = d.status() == null ? "draft" : d.status();
        if (!Campaign.STATUSES.contains(status)) {
            throw KindredException.invalidField("The field 'status' must be one of " + Campaign.STATUSES + ".");
        }
        return new CampaignStore.Input(title, categories.check(d.category()), starts, ends, d.quota(), description,
                status, FormField.validated(d.form()));
    }
}
