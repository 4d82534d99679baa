package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.web.Cacheable;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The site's icon in the brand colour — {@code /favicon.svg}, {@code /favicon.ico} (a PNG), {@code /icon-192.png},
 * {@code /icon-512.png} — and {@code /manifest.webmanifest}, which lets a member add the site to a phone's home
 * screen as an app (name, colours, icons). Drawn by Kindred: a rounded square of {@code site.brand-color} with a
 * white ring; nothing to upload, and it follows the brand colour when it changes.
 */
public final class AppIcons implements Consumer<CoreRouting> {

    private final SiteSettings settings;
    private final Views views;

    public AppIcons(SiteSettings settings, Views views) {
        this.settings = settings;
        this.views = views;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/favicon.svg", Access.PUBLIC, ctx -> send(ctx, "image/svg+xml", svg().getBytes(StandardCharsets.UTF_8)));
        r.get("/favicon.ico", Access.PUBLIC, ctx -> send(ctx, "image/png", png(48)));
        r.get("/icon-192.png", Access.PUBLIC, ctx -> send(ctx, "image/png", png(192)));
        r.get("/icon-512.png", Access.PUBLIC, ctx -> send(ctx, "image/png", png(512)));
        r.get("/manifest.webmanifest", Access.PUBLIC, this::manifest);
    }

    private void manifest(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        String name = settings.siteName();
        m.put("name", name);
        m.put("short_name", name.length() > 12 ? name.substring(0, 12) : name);
        m.put("lang", views.base(ctx).get("lang"));
        m.put("start_url", "/");
        m.put("scope", "/");
        m.put("display", "standalone");
        m.put("background_color", "#ffffff");
        m.put("theme_color", brand());
        m.put("icons", List.of(
                Map.of("src", "/icon-192.png", "sizes", "192x192", "type", "image/png"),
                Map.of("src", "/icon-512.png", "sizes", "512x512", "type", "image/png"),
                Map.of("src", "/icon-512.png", "sizes", "512x512", "type", "image/png", "purpose", "maskable"),
                Map.of("src", "/favicon.svg", "sizes", "any", "type", "image/svg+xml")));
        Cacheable.send(ctx, "application/manifest+json; charset=utf-8",
                Cacheable.REVALIDATE,
                Json.write(m).getBytes(StandardCharsets.UTF_8));
    }

    private String brand() {
        return settings.raw("site.brand-color").filter(c -> c.matches("#[0-9a-fA-F]{6}")).orElse("#2f6f5e");
    }

    private String svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" rx=\"14\" fill=\""
                + brand() + "\"/><circle cx=\"32\" cy=\"32\" r=\"15\" fill=\"none\" stroke=\"#fff\" stroke-width=\"7\"/></svg>";
    }

    /** The same picture as {@link #svg()}, drawn at {@code size} pixels. */
    private byte[] png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double unit = size / 64.0;
            g.setColor(Color.decode(brand()));
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 28 * unit, 28 * unit));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(13.5 * unit, 13.5 * unit, 37 * unit, 37 * unit));
            g.setColor(Color.decode(brand()));
            g.fill(new Ellipse2D.Double(20.5 * unit, 20.5 * unit, 23 * unit, 23 * unit));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void send(Context ctx, String type, byte[] body) {
        Cacheable.send(ctx, type, "public, max-age=3600", body);
    }
}
