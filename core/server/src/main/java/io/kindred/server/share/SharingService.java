package io.kindred.server.share;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.share.Poster;
import io.kindred.api.share.Sharing;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.pages.Theme;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import io.javalin.http.Context;
import io.kindred.api.web.Exchange;
import io.kindred.server.pages.AccountPages;
import java.util.function.Supplier;

/** The core's {@link Sharing}: addresses from {@code site.url}, QR codes with ZXing, posters from the theme. */
public final class SharingService implements Sharing {

    private final SiteSettings settings;
    private final Theme theme;

    public SharingService(SiteSettings settings, Theme theme) {
        this.settings = settings;
        this.theme = theme;
    }

    /** @return the site's address without a trailing slash (see {@link AccountPages#siteUrl}) */
    public String siteAddress(Context ctx) {
        return AccountPages.siteUrl(ctx, settings);
    }

    @Override
    public String address(String path, Exchange request) {
        return request.siteUrl() + checked(path);
    }

    /** @return the full address of a path of this site, for the request being answered */
    public String address(String path, Context ctx) {
        return siteAddress(ctx) + checked(path);
    }

    private static String checked(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new KindredException(CoreError.INVALID_FIELD, "A shared page is a path of this site, starting with one /.");
        }
        return path;
    }

    @Override
    public String qrSvg(String text) {
        return QrCodes.svg(text);
    }

    @Override
    public String qrSvg(String text, String label, String cssClass) {
        return QrCodes.svg(text, label, cssClass);
    }

    @Override
    public byte[] qrPng(String text, int size) {
        return drawing(() -> PosterDrawing.encode(QrCodes.image(text, Math.max(64, Math.min(size, 2000)))));
    }

    @Override
    public byte[] poster(Poster poster, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("siteName", PosterDrawing.value(settings.siteName()));
        model.put("title", PosterDrawing.value(poster.title() == null || poster.title().isBlank() ? settings.siteName() : poster.title()));
        model.put("subtitle", PosterDrawing.value(poster.subtitle()));
        model.put("byline", PosterDrawing.value(poster.byline()));
        model.put("code", PosterDrawing.value(poster.code()));
        model.put("footer", PosterDrawing.value(poster.footer()));
        String template = poster.template() == null ? Poster.DEFAULT_TEMPLATE : poster.template();
        PosterDrawing drawing = new PosterDrawing(template, theme.render(template, model, locale));
        return drawing(() -> drawing.png(poster.link()));
    }

    /**
     * Runs picture work (Java2D, fonts, ImageIO) with the system class loader as the thread's context loader, so that
     * no JDK thread or cache set up on first use keeps a plugin's class loader (see the design's notes on unloading).
     */
    private static <T> T drawing(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
