package io.kindred.plugins.creators.candidates;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The console page {@code /console/creators/candidates}: the filter form, the ranked list, "save as segment" (the
 * core's segment form with the same filters), a CSV of the list and "invite to apply".
 */
final class CandidatesConsole {

    static final String PATH = "/console/creators/candidates";
    /** At most this many members are exported or invited at once (the best ranked). */
    static final int MAX = 2000;

    private final Candidates candidates;
    private final Invitations invitations;

    CandidatesConsole(Candidates candidates, Invitations invitations) {
        this.candidates = candidates;
        this.invitations = invitations;
    }

    void page(Exchange x) {
        Map<String, String> asked = candidates.asked(x::query, x.locale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fields", candidates.fields(asked, x.locale()).stream().map(f -> Map.of("name", f.name(),
                "label", f.label() == null ? "" : f.label(), "value", f.value())).toList());
        model.put("filters", asked);
        model.put("query", query(asked));
        model.put("campaigns", invitations.open().stream().map(c -> Map.of("id", c.id(), "title", c.title())).toList());
        model.put("error", x.query("error").orElse(null));
        model.put("notice", x.query("notice").orElse(null));
        model.put("invited", x.query("invited").orElse(null));
        try {
            Page<Candidate> page = candidates.find(asked, x.page(20, 100));
            model.put("rows", page.items().stream().map(CandidatesConsole::row).toList());
            model.put("count", candidates.search().count(asked));
            model.put("next", page.nextCursor());
        } catch (KindredException e) {
            model.put("error", e.getMessage());
            model.put("rows", List.of());
        }
        x.render("creators/candidates/list", model);
    }

    /** {@code GET /console/creators/candidates.csv?<filters>}: the ranked list as CSV (at most {@link #MAX} rows). */
    void csv(Exchange x) {
        Map<String, String> asked = candidates.asked(x::query, x.locale());
        List<List<?>> rows = new ArrayList<>();
        for (Candidate c : candidates.all(asked, MAX)) {
            var m = c.member();
            rows.add(List.of(m.id(), m.displayName() == null ? "" : m.displayName(), m.email() == null ? "" : m.email(),
                    m.r(), m.f(), m.m(), m.rfm(), m.purchaseCount(), m.totalSpent(), text(m.lastPurchaseDay()),
                    text(m.lastActiveDay()), text(c.posts()), text(c.likes()), text(c.fans()),
                    String.join(" ", new TreeSet<>(m.labels()))));
        }
        x.csv("candidates.csv", List.of("id", "display_name", "email", "r", "f", "m", "rfm", "purchases", "total_spent",
                "last_purchase_day", "last_active_day", "posts", "likes_received", "fans", "labels"), rows);
    }

    /** {@code POST /console/creators/candidates/invite}: the ticked members, or every listed one, to an open campaign. */
    void invite(Exchange x) {
        Map<String, String> asked = candidates.asked(x::formValue, x.locale());
        String back = PATH + "?" + query(asked);
        try {
            long campaign = id(x.formValue("campaign").orElse(""));
            List<Long> ticked = x.form().getOrDefault("member", List.of()).stream().map(CandidatesConsole::id).toList();
            List<Long> ids = !ticked.isEmpty() ? ticked
                    : candidates.all(asked, MAX).stream().map(c -> c.member().id()).toList();
            int invited = invitations.invite(x.actor(), campaign, ids);
            x.redirect(back + "&invited=" + invited);
        } catch (KindredException e) {
            x.redirect(back + "&error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Object> row(Candidate c) {
        var m = c.member();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("name", m.displayName() == null || m.displayName().isBlank() ? "#" + m.id() : m.displayName());
        r.put("r", m.r());
        r.put("f", m.f());
        r.put("m", m.m());
        r.put("rfm", m.rfm());
        r.put("purchases", m.purchaseCount());
        r.put("spent", String.format("%d.%02d", m.totalSpent() / 100, m.totalSpent() % 100));
        r.put("labels", String.join(", ", new TreeSet<>(m.labels())));
        r.put("posts", c.posts());
        r.put("likes", c.likes());
        r.put("fans", c.fans());
        return r;
    }

    static String query(Map<String, String> filters) {
        List<String> parts = new ArrayList<>();
        filters.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    private static long id(String v) {
        try {
            long id = Long.parseLong(v.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw KindredException.invalidField("Choose an open campaign and members by their ids.");
    }

    private static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }
}
