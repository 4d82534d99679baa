package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.referrals.ReferralService;

import java.util.Optional;

/** This plugin's answer to {@link ReferralService}: the bindings it keeps. */
final class Referrals implements ReferralService {

    private final PluginContext ctx;
    private final BindingStore store;

    Referrals(PluginContext ctx, BindingStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Optional<Long> referrerOf(long userId) {
        return ctx.db().read(h -> store.referrerOf(h, userId));
    }

    @Override
    public long directFans(long userId) {
        return ctx.db().read(h -> store.directFans(h, userId));
    }

    @Override
    public long indirectFans(long userId) {
        return ctx.db().read(h -> store.indirectFans(h, userId));
    }
}
