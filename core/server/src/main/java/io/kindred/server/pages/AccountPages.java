package io.kindred.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.Avatars;
import io.kindred.server.users.CredentialThrottle;
import io.kindred.server.users.TooManyAttempts;
import io.kindred.server.users.Passwords;
import io.kindred.server.users.Sessions;
import io.kindred.server.users.ShippingAddress;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /account}: the member's profile, avatar, password, language and invite link. Three forms, each
 * posting to its own path; an error shows the page again with what was typed and a sentence in the
 * member's language, a success comes back with {@code ?notice=saved}.
 */
public final class AccountPages implements Consumer<CoreRouting> {

    /** Browser autofill hints for the address fields ({@link ShippingAddress#FIELDS}). */
    private static final Map<String, String> AUTOCOMPLETE = Map.of("name", "shipping name", "phone", "shipping tel",
            "country", "shipping country-name", "province", "shipping address-level1",
            "city", "shipping address-level2", "district", "shipping address-level3",
            "line1", "shipping address-line1", "line2", "shipping address-line2", "postalCode", "shipping postal-code");
    private static final List<String> LANGUAGES = List.of("", "en", "zh-CN");

    private final Views views;
    private final Accounts accounts;
    private final UserStore users;
    private final Avatars avatars;
    private final Sessions sessions;
    private final Auth auth;
    private final CredentialThrottle throttle;
    private final SiteSettings settings;
    private final io.kindred.server.users.Preferences preferences;

    public AccountPages(Views views, Accounts accounts, UserStore users, Avatars avatars, Sessions sessions, Auth auth,
                        CredentialThrottle throttle, SiteSettings settings, io.kindred.server.users.Preferences preferences) {
        this.preferences = preferences;
        this.views = views;
        this.accounts = accounts;
        this.users = users;
        this.avatars = avatars;
        this.sessions = sessions;
        this.auth = auth;
        this.throttle = throttle;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/account", Access.MEMBER, ctx -> page(ctx, me(ctx), null, Map.of()));
        r.post("/account", Access.MEMBER, this::saveProfile);
        r.post("/account/avatar", Access.MEMBER, this::uploadAvatar);
        r.post("/account/avatar/remove", Access.MEMBER, ctx -> {
            avatars.remove(me(ctx).id());
            ctx.redirect("/account?notice=saved", HttpStatus.SEE_OTHER);
        });
        r.post("/account/password", Access.MEMBER, this::changePassword);
        r.post("/account/preferences", Access.MEMBER, this::savePreferences);
    }

    private UserRow me(Context ctx) {
        long id = views.viewer(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first.")).id();
        return users.byId(id).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
    }

    private void saveProfile(Context ctx) {
        UserRow me = me(ctx);
        Map<String, String> input = new LinkedHashMap<>();
        for (String f : List.of("displayName", "phone", "birthday", "locale")) {
            input.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        Map<String, Object> address = new LinkedHashMap<>();
        for (String f : ShippingAddress.FIELDS) {
            String v = Optional.ofNullable(ctx.formParam("address." + f)).orElse("").strip();
            if (!v.isEmpty()) {
                address.put(f, v);
            }
        }
        String locale = LANGUAGES.contains(input.get("locale")) ? input.get("locale") : "";
        String field = "displayName";
        try {
            Accounts.checkDisplayName(input.get("displayName"));
            field = "phone";
            if (!input.get("phone").isEmpty()) {
                Accounts.normalisePhone(input.get("phone"));
            }
            field = "birthday";
            checkBirthday(input.get("birthday"));
            field = "address";
            ShippingAddress.normalise(address);
            field = null;
            accounts.updateProfile(me.id(), new Accounts.ProfileChange(input.get("displayName"), null,
                    input.get("birthday"), input.get("phone"), address, locale));
            ctx.redirect("/account?notice=saved", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            ctx.status(e.status() == 409 ? 409 : 400);
            String message = field == null ? views.errorText(ctx, e) : views.t(ctx, "account.error." + field);
            Map<String, Object> form = new HashMap<>(input);
            form.put("locale", locale);
            form.put("address", address);
            page(ctx, me, form, Map.of("error", message, "errorSection", "profile",
                    "errorField", field == null ? (e.code().equals("phone_taken") ? "phone" : "") : field));
        }
    }

    private void checkBirthday(String birthday) {
        if (birthday.isEmpty()) {
            return;
        }
        try {
            LocalDate d = LocalDate.parse(birthday);
            if (d.isAfter(LocalDate.now(settings.zone())) || d.getYear() < 1900) {
                throw KindredException.invalidField("The birthday must be a past date.");
            }
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The birthday must be a date like 1990-05-17.");
        }
    }

    private void uploadAvatar(Context ctx) throws IOException {
        UserRow me = me(ctx);
        UploadedFile file = ctx.uploadedFile("avatar");
        String error = null;
        if (file == null || file.size() <= 0) {
            error = views.t(ctx, "account.error.avatar.missing");
        } else if (file.size() > Avatars.MAX_BYTES) {
            error = views.t(ctx, "account.error.avatar.size", Avatars.MAX_BYTES / 1024);
        } else {
            byte[] image;
            try (InputStream in = file.content()) {
                image = in.readNBytes(Avatars.MAX_BYTES + 1);
            }
            try {
                avatars.replace(me.id(), image);
                ctx.redirect("/account?notice=saved", HttpStatus.SEE_OTHER);
                return;
            } catch (KindredException e) {
                error = e.code().equals("avatar_too_large")
                        ? views.t(ctx, "account.error.avatar.size", Avatars.MAX_BYTES / 1024)
                        : views.t(ctx, "account.error.avatar.type");
            }
        }
        ctx.status(400);
        page(ctx, me, null, Map.of("error", error, "errorSection", "avatar", "errorField", "avatar"));
    }

    /** Saves every preference shown on the page: a checked box is yes, an unchecked one no. */
    private void savePreferences(Context ctx) {
        long id = me(ctx).id();
        List<String> checked = ctx.formParams("pref");
        preferences.of(id).keySet().forEach(p -> preferences.set(id, p.key(), checked.contains(p.key())));
        ctx.redirect("/account?notice=saved#preferences", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx) {
        UserRow me = me(ctx);
        String current = Optional.ofNullable(ctx.formParam("currentPassword")).orElse("");
        String next = Optional.ofNullable(ctx.formParam("newPassword")).orElse("");
        String error = null;
        String field = "currentPassword";
        try {
            // The same buckets as sign-in: a stolen session guesses the same secret a stranger would.
            CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.PASSWORD,
                    CredentialThrottle.accountOf(me), ctx.ip());
            if (!Passwords.matches(current, me.passwordHash())) {
                ctx.status(400);
                error = views.t(ctx, "account.error.password.current");
            } else {
                attempt.succeeded();
                if (next.length() < 8 || next.length() > 200) {
                    ctx.status(400);
                    error = views.t(ctx, "account.error.password.new");
                    field = "newPassword";
                }
            }
        } catch (TooManyAttempts e) {
            e.answer(ctx);
            error = views.t(ctx, "signin.throttled");
        }
        if (error != null) {
            page(ctx, me, null, Map.of("error", error, "errorSection", "password", "errorField", field));
            return;
        }
        accounts.changePassword(me.id(), next);
        // Whoever else holds a session (a lost phone, a shared computer) is signed out; this browser stays in.
        sessions.closeAllOf(me.id());
        auth.signIn(ctx, me);
        ctx.redirect("/account?notice=saved", HttpStatus.SEE_OTHER);
    }

    /**
     * Renders the page.
     *
     * @param form the profile as typed when it could not be saved; null shows the stored profile
     */
    private void page(Context ctx, UserRow me, Map<String, Object> form, Map<String, Object> extra) {
        Map<String, Object> profile = form;
        if (profile == null) {
            profile = new HashMap<>();
            profile.put("displayName", me.displayName());
            profile.put("phone", Optional.ofNullable(me.phone()).orElse(""));
            profile.put("birthday", Optional.ofNullable(me.birthday()).orElse(""));
            profile.put("locale", me.locale() != null && LANGUAGES.contains(me.locale()) ? me.locale() : "");
            profile.put("address", me.shippingAddress() == null ? Map.of() : Json.readMap(me.shippingAddress()));
        }
        Map<?, ?> address = (Map<?, ?>) profile.get("address");
        List<Map<String, Object>> addressFields = new ArrayList<>();
        for (String f : ShippingAddress.FIELDS) {
            Map<String, Object> af = new LinkedHashMap<>();
            af.put("name", f);
            af.put("label", views.t(ctx, "field.address." + f));
            af.put("value", address.get(f) == null ? "" : String.valueOf(address.get(f)));
            af.put("autocomplete", AUTOCOMPLETE.getOrDefault(f, "off"));
            addressFields.add(af);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("profile", profile);
        model.put("addressFields", addressFields);
        model.put("email", Optional.ofNullable(me.email()).orElse(""));
        model.put("name", me.displayName());
        model.put("initial", me.displayName().isEmpty() ? "?"
                : new String(Character.toChars(Character.toUpperCase(me.displayName().codePointAt(0)))));
        model.put("avatar", me.avatar() != null && me.avatar().startsWith("/uploads/") ? me.avatar() : null);
        model.put("referralCode", me.referralCode());
        model.put("maxAvatarKb", Avatars.MAX_BYTES / 1024);
        List<Map<String, Object>> prefs = new ArrayList<>();
        preferences.of(me.id()).forEach((p, on) -> prefs.add(Map.of("key", p.key(), "label", views.t(ctx, p.labelKey()), "on", on)));
        model.put("preferences", prefs);
        model.put("sections", views.accountSections(ctx));
        model.putAll(extra);
        views.page(ctx, "account", model);
    }

    /** The site's address for links that leave the browser: see {@link io.kindred.server.config.SiteAddress}. */
    public static String siteUrl(Context ctx, SiteSettings settings) {
        return io.kindred.server.config.SiteAddress.of(ctx, settings);
    }
}
