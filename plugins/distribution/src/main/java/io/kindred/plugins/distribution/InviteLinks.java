package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;

/** A member's invite code and link ({@code /signup?ref=CODE}) (QR codes and posters come from the core's {@code ctx.sharing()}). */
final class InviteLinks {

    private final PluginContext ctx;

    InviteLinks(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the member's invite code: the core's referral code, the same for life */
    String codeOf(long userId) {
        return ctx.members().referralCode(userId).orElseThrow();
    }

    /** @return the site's address without a trailing slash: {@code site.url}, else the one the request came to */
    String siteUrl(io.kindred.api.web.Exchange x) {
        String home = ctx.sharing().address("/", x);
        return home.substring(0, home.length() - 1);
    }

    String link(String siteUrl, String code) {
        return siteUrl + "/signup?ref=" + code;
    }
}
