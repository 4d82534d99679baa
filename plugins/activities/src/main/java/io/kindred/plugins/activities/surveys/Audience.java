package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.segments.MemberIds;
import io.kindred.api.segments.MemberSearch;

import java.util.Optional;

/**
 * Who a questionnaire asks: everyone, the members of a saved segment (now), those with a label, or those at a tier and
 * above. With membership off there are no tiers: a tier questionnaire asks nobody (and the console hides the choice).
 */
final class Audience {

    private final PluginContext ctx;

    Audience(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return whether tiers can be targeted: membership is running */
    boolean tiersOn() {
        return ctx.services().find(MembershipService.class).isPresent();
    }

    /** @return whether the member is asked */
    boolean includes(Target target, long userId) {
        return switch (target.kind()) {
            case "segment" -> inSegment(Long.parseLong(target.value()), userId);
            case "label" -> ctx.members().labels(userId).contains(target.value());
            case "tier" -> ctx.services().find(MembershipService.class)
                    .map(m -> m.tierRank(userId) >= Integer.parseInt(target.value())).orElse(false);
            default -> true;
        };
    }

    /** Refuses a member outside the target with 403 {@code not_targeted}. */
    void check(Survey survey, long userId) {
        if (!includes(survey.target(), userId)) {
            throw new KindredException(SurveysError.NOT_TARGETED,
                    "This questionnaire is for another group of members.");
        }
    }

    /** @return the SELECT of a saved segment's members, empty when there is no such segment or it cannot run now */
    Optional<MemberIds> segment(long segmentId) {
        try {
            return ctx.services().find(MemberSearch.class).flatMap(s -> s.segmentMembers(segmentId));
        } catch (KindredException e) {
            return Optional.empty(); // a filter of the segment belongs to a stopped plugin: nobody is in it for now
        }
    }

    private boolean inSegment(long segmentId, long userId) {
        return segment(segmentId).map(ids -> ctx.db().read(h -> SurveyStore.isIn(h, ids, userId))).orElse(false);
    }
}
