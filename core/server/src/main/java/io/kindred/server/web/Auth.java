package io.kindred.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.users.Role;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.ApiKeys;
import io.kindred.server.users.Sessions;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the caller of each request (session cookie or {@code Authorization: Bearer} API key), checks
 * route access, and guards state-changing requests made with a session against CSRF: they must carry
 * {@code X-Requested-With: kindred}, or the session's token as {@code X-CSRF-Token} or form field
 * {@code _csrf}.
 */
public final class Auth {

    public static final String COOKIE = "kindred_session";
    private static final String ATTR = "kindred.principal";
    private static final String SESSION_ATTR = "kindred.session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final ApiKeys apiKeys;
    private final UserStore users;
    private final SiteSettings settings;

    public Auth(Sessions sessions, ApiKeys apiKeys, UserStore users, SiteSettings settings) {
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.users = users;
        this.settings = settings;
    }

    /** Runs before every request: remembers who is calling. */
    public void resolve(Context ctx) {
        String authz = ctx.header("Authorization");
        if (authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ApiKeys.Caller key = apiKeys.authenticate(authz.substring(7).trim(), ctx.ip())
                    .orElseThrow(() -> new KindredException(CoreError.INVALID_API_KEY,
                            "The API key is not valid, has expired or was revoked."));
            ctx.attribute(ATTR, new Principal(null, key.name(), null, key.scopes(), "key:" + key.id()));
            return;
        }
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            Optional<Sessions.Session> session = sessions.resolve(token);
            session.ifPresent(s -> ctx.attribute(SESSION_ATTR, s));
            // A session still owed its TOTP code signs no one in: only the code step reads it (pendingSession).
            session.filter(s -> !s.awaitingCode())
                    .flatMap(s -> users.activeMember(s.userId())
                            .map(m -> new Principal(m, null, s.csrfToken(), null, sessionVia(token))))
                    .ifPresent(p -> ctx.attribute(ATTR, p));
        }
    }

    private volatile java.util.function.LongPredicate needsCode = userId -> false;
    private volatile java.util.function.BiConsumer<Context, Principal> staffGate = (ctx, who) -> { };

    /**
     * Sets the second factor's hooks (see {@code io.kindred.server.staff}): whether a member must give a TOTP code
     * after the password, and what a staff route checks of a session (e.g. TOTP enrolment when required).
     */
    public void secondFactorWith(java.util.function.LongPredicate needsCode,
                                 java.util.function.BiConsumer<Context, Principal> staffGate) {
        this.needsCode = needsCode;
        this.staffGate = staffGate;
    }

    /** The request's session (signed in, or still owed its TOTP code). */
    public Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTR));
    }

    /** The request's session when the password was right and the TOTP code is still owed. */
    public Optional<Sessions.Session> pendingSession(Context ctx) {
        return session(ctx).filter(Sessions.Session::awaitingCode);
    }

    private volatile java.util.function.LongConsumer ownEvents = userId -> { };

    /** Sets what waits for a member's own recent events before their reads (see {@code OwnEvents}). */
    public void awaitOwnEventsWith(java.util.function.LongConsumer wait) {
        this.ownEvents = wait;
    }

    /** Before a signed-in member's read: their own recent events are handled first (read-your-writes). */
    public void awaitOwnEvents(Context ctx) {
        principal(ctx).filter(p -> !p.isApiKey()).map(Principal::member).ifPresent(m -> ownEvents.accept(m.id()));
    }


    public Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTR));
    }

    /** @return a session's short id for the audit log: the start of its stored hash, never the token itself */
    private static String sessionVia(String token) {
        return "session:" + io.kindred.server.users.Tokens.hash(token).substring(0, 8);
    }

    /** Checks access and CSRF for a route that needs {@link Scope#ADMIN} from an API key. */
    public void check(Context ctx, Access access, boolean csrfExempt) {
        check(ctx, access, Scope.ADMIN, csrfExempt);
    }

    /**
     * Checks access and CSRF for a route; throws the right 401/403, or redirects a browser to sign in. An API key
     * needs {@code scope} (or {@code admin}) and never opens a page, only {@code /api/} routes.
     */
    public void check(Context ctx, Access access, Scope scope, boolean csrfExempt) {
        Optional<Principal> p = principal(ctx);
        if (access != Access.PUBLIC) {
            if (p.isEmpty()) {
                if (!isApi(ctx) && SAFE.contains(ctx.method().name())) {
                    throw new SignInRequired(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
                }
                throw KindredException.unauthenticated("Sign in first.");
            }
            Role needed = switch (access) {
                case OPERATOR -> Role.OPERATOR;
                case ADMIN -> Role.ADMIN;
                default -> Role.MEMBER;
            };
            Principal who = p.get();
            if (who.isApiKey() && access != Access.MEMBER && isApi(ctx) && !who.holds(scope)) {
                throw new KindredException(CoreError.INSUFFICIENT_SCOPE, "This API key does not hold the scope '"
                        + scope.code() + "' that " + ctx.method().name() + " " + ctx.path() + " needs.");
            }
            boolean allowed = who.isApiKey() ? access != Access.MEMBER && isApi(ctx) : who.member().hasRole(needed);
            if (!allowed) {
                throw who.isApiKey()
                        ? KindredException.forbidden(isApi(ctx) ? "An API key cannot act as a member."
                                : "An API key cannot open console or member pages.")
                        : KindredException.forbidden("You do not have the right to do this.");
            }
            if (!who.isApiKey() && needed != Role.MEMBER) {
                staffGate.accept(ctx, who);
            }
        }
        if (!csrfExempt && p.isPresent() && !p.get().isApiKey() && !SAFE.contains(ctx.method().name())) {
            checkCsrf(ctx, p.get());
        }
    }

    private void checkCsrf(Context ctx, Principal p) {
        if ("kindred".equals(ctx.header("X-Requested-With"))) {
            return;
        }
        String token = ctx.header("X-CSRF-Token");
        if (token == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
            token = ctx.formParam("_csrf");
        }
        if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                p.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new KindredException(CoreError.CSRF_FAILED,
                    "This request needs the header X-Requested-With: kindred or the page's CSRF token.");
        }
    }

    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /**
     * Opens a new session for the member (a new id: the old cookie's session ends) and sets its cookie. When the
     * member has a TOTP second factor the session only awaits the code ({@link Sessions.Opened#awaitingCode()}),
     * unless it replaces a signed-in session of the same member (a password change keeps one signed in).
     */
    public Sessions.Opened signIn(Context ctx, UserRow user) {
        boolean rotation = principal(ctx).filter(p -> !p.isApiKey() && p.member().id() == user.id()).isPresent();
        return openSession(ctx, user, !rotation && needsCode.test(user.id()));
    }

    /** Opens a signed-in session for a member who has just given their TOTP code (or a recovery code). */
    public Sessions.Opened completeSignIn(Context ctx, UserRow user) {
        return openSession(ctx, user, false);
    }

    private Sessions.Opened openSession(Context ctx, UserRow user, boolean awaitingCode) {
        String old = ctx.cookie(COOKIE);
        if (old != null) {
            sessions.close(old);
        }
        Sessions.Opened opened = sessions.open(user.id(), new Sessions.Device(ctx.userAgent(), ctx.ip()), awaitingCode);
        ctx.cookie(new Cookie(COOKIE, opened.token(), "/", (int) opened.lifetime().toSeconds(), secure(ctx), true,
                null, SameSite.LAX));
        ctx.attribute(SESSION_ATTR, new Sessions.Session(user.id(), opened.csrfToken(),
                io.kindred.server.users.Tokens.hash(opened.token()).substring(0, 24), awaitingCode));
        ctx.attribute(ATTR, awaitingCode ? null
                : new Principal(user.toMember(), null, opened.csrfToken(), null, sessionVia(opened.token())));
        return opened;
    }

    public void signOut(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.LAX));
        ctx.attribute(ATTR, null);
        ctx.attribute(SESSION_ATTR, null);
    }

    /** Cookies are Secure when the site is served over HTTPS (directly, or behind a trusted proxy). */
    public boolean secure(Context ctx) {
        if (settings.raw("site.url").map(u -> u.startsWith("https://")).orElse(false)) {
            return true;
        }
        if (settings.boolValue("http.trust-proxy", false)) {
            return "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    /** Thrown when a browser asks for a protected page without signing in. */
    public static final class SignInRequired extends RuntimeException {
        private final String location;

        SignInRequired(String next) {
            this(next, true);
        }

        private SignInRequired(String path, boolean toSignIn) {
            super(null, null, false, false);
            this.location = toSignIn ? "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8) : path;
        }

        /** A browser whose sign-in is not complete for this page (e.g. a TOTP to set up) is sent to a same-site path. */
        public static SignInRequired to(String location) {
            return new SignInRequired(location, false);
        }

        public String location() {
            return location;
        }
    }
}
