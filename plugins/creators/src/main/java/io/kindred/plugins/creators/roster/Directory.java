package io.kindred.plugins.creators.roster;

import io.kindred.api.PluginContext;
import io.kindred.api.creators.CreatorService;

import java.util.Optional;

/** {@link CreatorService}: a member is certified while their creator status is active; featured ones are listed. */
final class Directory implements CreatorService {

    private final PluginContext ctx;
    private final CreatorStore store;
    private final Featured featured;

    Directory(PluginContext ctx, CreatorStore store, Featured featured) {
        this.ctx = ctx;
        this.store = store;
        this.featured = featured;
    }

    @Override
    public java.util.List<Long> featuredNow() {
        return featured.ids();
    }

    @Override
    public boolean isCertified(long userId) {
        return ctx.db().read(h -> store.find(h, userId)).map(Creator::certified).orElse(false);
    }

    @Override
    public Optional<String> certificationTitle(long userId) {
        return ctx.db().read(h -> store.find(h, userId)).filter(Creator::certified).map(Creator::title);
    }
}
