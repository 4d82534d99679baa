package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.membership.Standing;
import io.kindred.api.ui.Widget;
import io.kindred.api.users.Member;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.share.SharingService;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.CoreRouting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The member centre (会员中心): Home ({@code /}) and Me ({@code /me}) with the member card (avatar, name, tier and
 * progress, points, the member code's QR for the store's counter) and the grid of entries the started plugins
 * contribute; the QR codes of the member code and of any shared page.
 */
public final class MemberCentre implements Consumer<CoreRouting> {

    /** Menu paths that are not tiles: the tab bar already has them, or Me lists them. */
    private static final Set<String> NOT_TILES = Set.of("/", "/me");

    private final Views views;
    private final UserStore users;
    private final Accounts accounts;
    private final LedgerService ledger;
    private final UiRegistry ui;
    private final SiteSettings settings;
    private final SharingService sharing;
    private final HomePages homePages;

    public MemberCentre(Views views, UserStore users, Accounts accounts, LedgerService ledger, UiRegistry ui,
                        SiteSettings settings, SharingService sharing, HomePages homePages) {
        this.views = views;
        this.users = users;
        this.accounts = accounts;
        this.ledger = ledger;
        this.ui = ui;
        this.settings = settings;
        this.sharing = sharing;
        this.homePages = homePages;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/", Access.PUBLIC, this::home);
        r.get("/me", Access.MEMBER, this::me);
        r.get("/me/qr.svg", Access.MEMBER, this::memberQr);
        r.get("/share/qr.svg", Access.PUBLIC, this::shareQr);
    }

    private void home(Context ctx) {
        List<UiRegistry.Owned<Widget>> widgets = orderedWidgets();
        Optional<io.kindred.server.web.Principal> principal = views.principal(ctx);
        Optional<Member> viewer = views.viewer(ctx);
        if (ctx.queryParam("notice") != null || (principal.isPresent() && viewer.isEmpty())) {
            ctx.html(homePage(ctx, widgets, viewer)); // a one-off notice; an API key's call
            return;
        }
        HomePages.Key key = new HomePages.Key(principal.map(io.kindred.server.web.Principal::csrfToken).orElse(""),
                views.locale(ctx), sharing.siteAddress(ctx));
        ctx.contentType("text/html; charset=utf-8").result(homePages.get(key, () -> homePage(ctx, widgets, viewer)));
    }

    private String homePage(Context ctx, List<UiRegistry.Owned<Widget>> widgets, Optional<Member> viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("widgets", views.renderBoxes(ctx, widgets, "Widget"));
        model.put("newcomer", viewer.map(v -> accounts.isNewcomer(v.id())).orElse(false));
        model.put("tiles", tiles(ctx));
        viewer.ifPresent(v -> model.put("card", card(v, views.locale(ctx))));
        return views.html(ctx, "home", model);
    }

    private void me(Context ctx) {
        Member viewer = views.viewer(ctx).orElseThrow();
        views.page(ctx, "me", Map.of("card", card(viewer, views.locale(ctx)), "tiles", tiles(ctx)));
    }

    /** {@code GET /me/qr.svg}: the member code as a QR code, for staff to scan at the counter. */
    private void memberQr(Context ctx) {
        long id = views.viewer(ctx).orElseThrow().id();
        svg(ctx, sharing.qrSvg(sharing.address("/console/members/" + id, ctx)), "private");
    }

    /** {@code GET /share/qr.svg?path=/community/posts/7}: the QR code of a page of this site. */
    private void shareQr(Context ctx) {
        String path = Optional.ofNullable(ctx.queryParam("path")).orElse("");
        svg(ctx, sharing.qrSvg(sharing.address(path, ctx)), "public");
    }

    private static void svg(Context ctx, String svg, String cache) {
        ctx.contentType("image/svg+xml").header("Cache-Control", cache + ", max-age=3600").result(svg);
    }

    /** The member card's variables: who, their tier and progress (when tiers exist), their spendable points. */
    Map<String, Object> card(Member viewer, Locale locale) {
        Map<String, Object> card = new LinkedHashMap<>();
        UserRow row = users.byId(viewer.id()).orElseThrow();
        card.put("name", viewer.displayName());
        card.put("avatar", row.avatar() != null && row.avatar().startsWith("/uploads/") ? row.avatar() : null);
        card.put("initial", viewer.displayName().isEmpty() ? "?" : viewer.displayName().substring(0, viewer.displayName().offsetByCodePoints(0, 1)).toUpperCase(locale));
        card.put("memberNo", String.format(Locale.ROOT, "%06d", viewer.id()));
        card.put("points", ledger.balances(viewer.id()).getOrDefault("points", 0L));
        Optional<Standing> standing = standing(viewer.id(), locale);
        card.put("tier", standing.orElse(null));
        return card;
    }

    private Optional<Standing> standing(long userId, Locale locale) {
        try {
            return views.services().find(MembershipService.class).flatMap(m -> m.standing(userId, locale));
        } catch (RuntimeException e) {
            return Optional.empty(); // a tier provider that fails must not take the member centre down
        }
    }

    /** @return the member menu's entries as tiles, without Home and Me */
    private List<Map<String, Object>> tiles(Context ctx) {
        return views.memberNav(ctx).stream().filter(i -> !NOT_TILES.contains((String) i.get("path"))).toList();
    }

    /** Widgets in the operator's order (setting {@code home.widgets}, ids comma-separated), then the rest by default order. */
    private List<UiRegistry.Owned<Widget>> orderedWidgets() {
        List<String> order = settings.raw("home.widgets").map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
        List<UiRegistry.Owned<Widget>> all = new ArrayList<>(ui.widgets());
        all.sort((a, b) -> {
            int ia = order.indexOf(a.value().id());
            int ib = order.indexOf(b.value().id());
            ia = ia < 0 ? Integer.MAX_VALUE : ia;
            ib = ib < 0 ? Integer.MAX_VALUE : ib;
            return ia != ib ? Integer.compare(ia, ib) : Integer.compare(a.value().order(), b.value().order());
        });
        return all;
    }
}
