package io.kindred.api.share;

/**
 * What a share poster shows ({@link Sharing#poster}): a title, a subtitle, a byline (who shares), a code, a footer
 * and the QR code of its link. Empty texts are left out.
 *
 * <pre>{@code
 * Poster p = Poster.of(post.title(), link).subtitle(t("community.poster.subtitle")).byline(author);
 * }</pre>
 *
 * @param template the layout template, {@code share/poster} by default; a plugin may give its own with the same keys
 * @param title    the big text in the band at the top (the site's name when empty)
 * @param subtitle the line under it
 * @param byline   who shares, or who wrote
 * @param code     a code to show in large letters (an invite code), or empty
 * @param footer   the small line at the bottom
 * @param link     the address the QR code holds
 */
public record Poster(String template, String title, String subtitle, String byline, String code, String footer,
                     String link) {

    /** The theme's poster layout. */
    public static final String DEFAULT_TEMPLATE = "share/poster";

    /** @param title the title (empty for the site's name) @param link the QR code's address @return a poster */
    public static Poster of(String title, String link) {
        return new Poster(DEFAULT_TEMPLATE, title, "", "", "", "", link);
    }

    /** @param text the subtitle @return this poster with it */
    public Poster subtitle(String text) {
        return new Poster(template, title, text, byline, code, footer, link);
    }

    /** @param text the byline @return this poster with it */
    public Poster byline(String text) {
        return new Poster(template, title, subtitle, text, code, footer, link);
    }

    /** @param text the code @return this poster with it */
    public Poster code(String text) {
        return new Poster(template, title, subtitle, byline, text, footer, link);
    }

    /** @param text the footer @return this poster with it */
    public Poster footer(String text) {
        return new Poster(template, title, subtitle, byline, code, text, link);
    }

    /** @param name a template of the plugin's with the keys of {@code share/poster} @return this poster drawn with it */
    public Poster template(String name) {
        return new Poster(name, title, subtitle, byline, code, footer, link);
    }
}
