package io.kindred.server.pages;

import io.kindred.api.db.Database;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.events.Dispatcher;
import io.kindred.server.events.EventLog;
import io.kindred.server.ledger.Adjustments;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.plugins.PluginHost;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.users.ApiKeys;
import io.kindred.server.users.CustomerImport;
import io.kindred.server.kpis.Kpis;
import io.kindred.server.users.MemberStats;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The operator console under {@code /console}, one class per section. Operators and admins only; plugins,
 * settings and API keys are for admins. Every page renders a {@code console/*} template of the theme.
 */
public final class ConsolePages implements Consumer<CoreRouting> {

    /** What the console works with, wired in {@code Kindred}. */
    public record Services(Views views, Theme theme, Auth auth, Database db, UserStore users, LedgerService ledger,
                           Adjustments adjustments, CustomerImport importer, PluginHost plugins,
                           io.kindred.server.plugins.PluginInstaller installer, io.kindred.server.audit.AuditLog audit,
                           io.kindred.server.jobs.Scheduler scheduler, ApiKeys apiKeys,
                           Dispatcher dispatcher, SiteSettings settings, UiRegistry ui, Path uploadsDir, Clock clock) {
    }

    private final List<Consumer<CoreRouting>> sections;

    public ConsolePages(Services s) {
        this.sections = List.of(
                new ConsoleDashboard(s.views(), new Kpis(s.db(), new MemberStats(), s.ledger(), s.settings(), s.clock()),
                        s.settings(), new GettingStarted(s.settings(), s.audit(), s.ui())),
                new ConsoleImport(s.views(), new io.kindred.server.users.ImportJobs(s.importer(), s.clock()), s.settings()),
                new ConsoleMembers(s.views(), s.db(), s.users(), s.ledger(), s.settings(), s.clock()),
                new ConsoleMemberDetail(s.views(), s.db(), s.users(), s.ledger(), s.adjustments(), s.auth(), s.settings(),
                        s.clock(), new io.kindred.server.users.RoleChanges(s.db(), s.users(), s.audit())),
                new ConsolePlugins(s.views(), s.plugins(), new io.kindred.server.plugins.PluginSettings(s.plugins(), s.settings()),
                        s.installer(), s.audit(), s.settings(), s.clock()),
                new ConsoleJobs(s.views(), s.scheduler(), s.settings()),
                new ConsoleSettings(s.views(), s.settings(), s.theme(), s.ui(), new ConsoleLogo(s.settings(), s.uploadsDir())),
                new ConsoleKeys(s.views(), s.apiKeys(), s.settings()),
                new ConsoleAudit(s.views(), new io.kindred.server.audit.AuditSearch(s.db()), s.settings()),
                new ConsoleEvents(s.views(), new EventLog(s.db()), s.dispatcher(), s.settings()));
    }

    @Override
    public void accept(CoreRouting r) {
        sections.forEach(s -> s.accept(r));
    }
}
