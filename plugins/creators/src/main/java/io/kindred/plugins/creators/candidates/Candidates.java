package io.kindred.plugins.creators.candidates;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.community.CommunityActivity;
import io.kindred.api.referrals.ReferralService;
import io.kindred.api.segments.MemberMatch;
import io.kindred.api.segments.MemberSearch;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The candidates list: the core's member search (segments engine) with the filters that matter for finding creators,
 * ranked by RFM, with community activity and fans beside each member when those plugins run.
 */
final class Candidates {

    /** The core's filters the form shows, in order. */
    static final List<String> CORE_FIELDS = List.of("query", "label", "noLabel", "activeFrom", "minPurchases", "minSpent",
            "rMin", "fMin", "mMin");
    /** The plugins' filters the form shows when their plugin runs, in order. */
    static final List<String> PLUGIN_FIELDS = List.of("minPosts", "minLikesReceived", "minComments", "minFans", "minStreak",
            "tier");

    /** A field of the filter form: its name, its label (null: the part's own text) and the value asked. */
    record Field(String name, String label, String value) {
    }

    private final PluginContext ctx;
    /** The end of "all time" for the community's figures (posts and likes so far). */
    private static final Instant ALWAYS = Instant.parse("9999-01-01T00:00:00Z");

    Candidates(PluginContext ctx) {
        this.ctx = ctx;
    }

    MemberSearch search() {
        return ctx.services().find(MemberSearch.class).orElseThrow(() ->
                KindredException.conflict("member_search_unavailable", "The platform offers no member search."));
    }

    /** @return the plugin filters that can be used now, name to label */
    Map<String, String> available(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> running = search().filters(locale).stream()
                .collect(Collectors.toMap(MemberSearch.Field::name, MemberSearch.Field::label, (a, b) -> a));
        PLUGIN_FIELDS.stream().filter(running::containsKey).forEach(n -> out.put(n, running.get(n)));
        return out;
    }

    /** @return the filters asked (blank ones left out): the core's fields and those of running plugins */
    Map<String, String> asked(Function<String, Optional<String>> source, Locale locale) {
        Map<String, String> f = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(CORE_FIELDS);
        names.addAll(available(locale).keySet());
        for (String n : names) {
            source.apply(n).map(String::strip).filter(v -> !v.isEmpty()).ifPresent(v -> f.put(n, v));
        }
        return f;
    }

    /** @return the form's fields with the values asked */
    List<Field> fields(Map<String, String> asked, Locale locale) {
        List<Field> out = new ArrayList<>();
        CORE_FIELDS.forEach(n -> out.add(new Field(n, null, asked.getOrDefault(n, ""))));
        available(locale).forEach((n, label) -> out.add(new Field(n, label, asked.getOrDefault(n, ""))));
        return out;
    }

    /** @return one page of candidates, best RFM first (see {@link MemberSearch#SORT_RFM}) */
    Page<Candidate> find(Map<String, String> filters, PageRequest page) {
        Page<MemberMatch> found = search().find(filters, MemberSearch.SORT_RFM, page);
        List<Long> ids = found.items().stream().map(MemberMatch::id).toList();
        Optional<CommunityActivity> activity = ctx.services().find(CommunityActivity.class);
        boolean community = activity.isPresent();
        Map<Long, long[]> posts = new HashMap<>();
        activity.ifPresent(a -> ids.forEach(id -> posts.put(id, new long[]{a.postsBy(id, Instant.EPOCH, ALWAYS),
                a.likesReceived(id, Instant.EPOCH, ALWAYS)})));
        Optional<ReferralService> referrals = ctx.services().find(ReferralService.class);
        Map<Long, Long> fans = new HashMap<>();
        referrals.ifPresent(r -> ids.forEach(id -> fans.put(id, r.directFans(id))));
        return found.map(m -> new Candidate(m,
                community ? posts.getOrDefault(m.id(), new long[2])[0] : null,
                community ? posts.getOrDefault(m.id(), new long[2])[1] : null,
                referrals.isPresent() ? fans.get(m.id()) : null));
    }

    /** @return every candidate the filters keep, up to {@code max}, best first */
    List<Candidate> all(Map<String, String> filters, int max) {
        List<Candidate> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Candidate> p = find(filters, PageRequest.of(cursor, "200", 200, 200));
            out.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null && out.size() < max);
        return out.size() > max ? out.subList(0, max) : out;
    }
}
