package io.kindred.server.plugins;

import io.kindred.api.Services;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import io.kindred.api.ledger.Ledger;
import io.kindred.api.membership.Benefit;
import io.kindred.api.users.Members;
import io.kindred.api.web.Images;
import io.kindred.server.config.SiteSettings;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** The core services a plugin run is given. */
public final class Platform {

    private Platform() {
    }

    /**
     * The services of one plugin run: its own database view and event outbox (own mapper caches), and
     * the shared ledger, members, settings, clock, service registry and the benefits and task kinds offered by started plugins.
     */
    public record PluginServices(Database db, Ledger ledger, Events events, Members members, SiteSettings settings,
                                 Clock clock, Services registry, Images images,
                                 Supplier<List<Benefit>> benefits,
                                 Supplier<List<io.kindred.api.tasks.TaskKind>> taskKinds,
                                 io.kindred.api.notifications.Notifications notifications,
                                 io.kindred.api.audit.Audit audit,
                                 io.kindred.server.pages.Theme theme,
                                 io.kindred.api.crypto.Vault vault,
                                 io.kindred.api.share.Sharing sharing) {

        /** @return the same services with the plugin's own event outbox */
        public PluginServices withOutbox(Events outbox) {
            return new PluginServices(db, ledger, outbox, members, settings, clock, registry, images, benefits, taskKinds,
                    notifications, audit, theme, vault, sharing);
        }
    }
}
