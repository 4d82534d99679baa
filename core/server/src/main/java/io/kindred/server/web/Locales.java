package io.kindred.server.web;

import io.javalin.http.Context;
import io.kindred.server.config.SiteSettings;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The caller's language: the member's preference, then the language chosen with the switcher (cookie
 * {@code kindred_lang}), then {@code Accept-Language}, then the site default
 * ({@code site.default-language}). Kindred ships English and Simplified Chinese.
 */
public final class Locales implements Function<Context, Locale> {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final Auth auth;
    private final SiteSettings settings;

    public Locales(Auth auth, SiteSettings settings) {
        this.auth = auth;
        this.settings = settings;
    }

    @Override
    public Locale apply(Context ctx) {
        String preferred = auth.principal(ctx).map(Principal::member).map(m -> m.locale()).orElse(null);
        if (preferred != null) {
            return closest(preferred);
        }
        String chosen = ctx.cookie("kindred_lang");
        if (chosen != null && !chosen.isBlank()) {
            return closest(chosen);
        }
        String header = ctx.header("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale l = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (l != null) {
                    return l;
                }
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    if (r.getRange().startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                    if (r.getRange().startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header falls back to the site default
            }
        }
        return closest(settings.raw("site.default-language").orElse("en"));
    }

    public static Locale closest(String tag) {
        return tag.toLowerCase().startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
