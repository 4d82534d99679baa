package io.kindred.plugins.activities.tasks;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.referrals.ReferralService;
import io.kindred.api.tasks.TaskProgress;
import io.kindred.api.users.Member;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Share tasks: a member gets a link of their own ({@code /activities/tasks/s/<token>}) to a product or a post; the
 * link redirects there (with the member's invite code as {@code ref} when distribution runs) and counts a visit
 * towards the member's daily target. Anti-abuse: a visitor is known both by a cookie id and by a hash of IP and
 * user agent, and counts once per share and day if neither was seen; the sharer's own visits never count (signed
 * in, or from the device that asked for the link that day); bots and link previews are told by their user agent;
 * once the day's target is reached, visits are not even stored (the daily cap).
 */
final class Shares {

    static final String PATH = "/activities/tasks/s/";
    private static final Pattern BOTS = Pattern.compile(
            "(?i).*(bot|spider|crawl|slurp|preview|facebookexternalhit|curl|wget|python|okhttp|java|httpclient|"
                    + "headless|phantom|scrapy).*");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a visit goes, and whether it counted. */
    record Visit(String location, boolean counted) {
    }

    private final PluginContext ctx;
    private final ShareStore store;
    private final Tasks tasks;
    private final ProgressStore progress;
    private final Completions completions;

    Shares(PluginContext ctx, ShareStore store, Tasks tasks, ProgressStore progress, Completions completions) {
        this.ctx = ctx;
        this.store = store;
        this.tasks = tasks;
        this.progress = progress;
        this.completions = completions;
    }

    /**
     * @param device the hash of the asking device, marked as seen today so that the sharer's own visits never count
     * @return the member's share link (a path)
     */
    String link(Member member, long taskId, String device) {
        Task task = tasks.visible(taskId);
        if (BuiltInKind.of(task.kind()).orElse(null) != BuiltInKind.SHARE) {
            throw new KindredException(TasksError.WRONG_KIND, "This task has no share link.");
        }
        ShareStore.Share share = ctx.db().write(tx -> {
            store.insert(tx, taskId, member.id(), token(), ctx.clock().millis());
            ShareStore.Share s = store.ofMember(tx, taskId, member.id()).orElseThrow();
            store.firstVisit(tx, s.id(), ctx.today().toString(), "h:" + device, ctx.clock().millis());
            return s;
        });
        return PATH + share.token();
    }

    /**
     * A visitor opens a share link.
     *
     * @param viewer    the signed-in member, if any
     * @param cookieId  the visitor's cookie id
     * @param device    the hash of the visitor's IP and user agent
     * @param userAgent the visitor's user agent
     */
    Visit visit(String token, Optional<Member> viewer, String cookieId, String device, String userAgent) {
        ShareStore.Share share = ctx.db().read(h -> store.byToken(h, token))
                .orElseThrow(() -> KindredException.notFound("This share link is not known."));
        Task task = tasks.find(share.taskId());
        String location = location(task, share.userId());
        boolean own = viewer.map(m -> m.id() == share.userId()).orElse(false);
        boolean bot = userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).matches();
        if (own || bot || !task.runsOn(ctx.today())) {
            return new Visit(location, false);
        }
        String day = ctx.today().toString();
        boolean counted = ctx.db().write(tx -> {
            if (progress.find(tx, task.id(), share.userId(), task.periodKey(ctx.today()))
                    .map(ProgressStore.Row::completed).orElse(false)) {
                return false;
            }
            long now = ctx.clock().millis();
            boolean newCookie = store.firstVisit(tx, share.id(), day, "c:" + cookieId, now);
            boolean newDevice = store.firstVisit(tx, share.id(), day, "h:" + device, now);
            if (!newCookie || !newDevice) {
                return false;
            }
            completions.step(tx, task, task.periodKey(ctx.today()), TaskProgress.add(share.userId(), 1), 0);
            return true;
        });
        return new Visit(location, counted);
    }

    private String location(Task task, long sharerId) {
        String given = task.params().getOrDefault("url", "/");
        String url = given.startsWith("/") && !given.startsWith("//") ? given : "/";
        if (ctx.services().find(ReferralService.class).isEmpty()) {
            return url;
        }
        Optional<String> code = ctx.members().referralCode(sharerId);
        return code.map(c -> url + (url.contains("?") ? "&" : "?") + "ref=" + c).orElse(url);
    }

    private static String token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
