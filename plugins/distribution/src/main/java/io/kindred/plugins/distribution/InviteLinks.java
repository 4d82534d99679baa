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

    String link(String siteUrl, String code) {
        return siteUrl + "/signup?ref=" + code;
    }
}
