package io.kindred.plugins.creators.candidates;

import io.kindred.api.web.Exchange;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/admin/creators/candidates?<filters>&cursor=&limit=}: the ranked candidates as JSON. It reads every
 * filter usable now and the creator filters by name, so a creator filter of a stopped plugin is refused with
 * {@code invalid_field} rather than ignored.
 */
final class CandidatesApi {

    private final Candidates candidates;

    CandidatesApi(Candidates candidates) {
        this.candidates = candidates;
    }

    void list(Exchange x) {
        Set<String> names = new LinkedHashSet<>();
        candidates.search().filters(x.locale()).forEach(f -> names.add(f.name()));
        names.addAll(Candidates.PLUGIN_FIELDS);
        Map<String, String> filters = new LinkedHashMap<>();
        names.forEach(n -> x.query(n).map(String::strip).ifPresent(v -> filters.put(n, v)));
        x.json(candidates.find(filters, x.page(20, 100)).map(CandidatesApi::json));
    }

    static Map<String, Object> json(Candidate c) {
        var m = c.member();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", m.id());
        j.put("displayName", m.displayName());
        j.put("r", m.r());
        j.put("f", m.f());
        j.put("m", m.m());
        j.put("rfm", m.rfm());
        j.put("purchaseCount", m.purchaseCount());
        j.put("totalSpent", m.totalSpent());
        j.put("lastPurchaseDay", m.lastPurchaseDay());
        j.put("lastActiveDay", m.lastActiveDay());
        j.put("labels", m.labels().stream().sorted().toList());
        j.put("posts", c.posts());
        j.put("likesReceived", c.likes());
        j.put("fans", c.fans());
        return j;
    }
}
