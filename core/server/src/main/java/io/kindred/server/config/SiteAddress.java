package io.kindred.server.config;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.SettingType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The site's address for links that leave the browser (password-reset and claim emails, invite links). It is
 * {@code site.url} when set. Until then it comes from the request only if the request's host is one the operator
 * named: {@code site.allowedHosts} (comma-separated {@code host} or {@code host:port}; the address used at the
 * first-start setup is added to it) or this machine ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}).
 * A request to any other host ({@code Host: evil.example}) gets the first allowed host instead, so nobody can
 * have a valid reset token mailed inside a link to their own server.
 */
public final class SiteAddress {

    public static final String URL = "site.url";
    public static final String ALLOWED_HOSTS = "site.allowedHosts";

    private static final String HOST = "[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?";
    private static final List<String> THIS_MACHINE = List.of("localhost", "127.0.0.1", "[::1]");

    private SiteAddress() {
    }

    /** @return {@code site.url} without its trailing slash, when set to an http(s) address */
    public static Optional<String> configured(SiteSettings settings) {
        return settings.raw(URL).map(String::trim).filter(SiteAddress::isSiteUrl)
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** @return the address links start with, e.g. {@code https://club.example.com} */
    public static String of(Context ctx, SiteSettings settings) {
        Optional<String> configured = configured(settings);
        if (configured.isPresent()) {
            return configured.get();
        }
        String scheme = "https".equalsIgnoreCase(requestScheme(ctx, settings)) ? "https" : "http";
        String host = requestHost(ctx, settings);
        if (host != null && isAllowed(host, allowedHosts(settings))) {
            return scheme + "://" + host;
        }
        return allowedHosts(settings).stream().findFirst().map(h -> scheme + "://" + h)
                .orElse("http://localhost:" + ctx.port());
    }

    /** @return the hosts named in {@code site.allowedHosts}, lower case */
    public static List<String> allowedHosts(SiteSettings settings) {
        return Arrays.stream(settings.raw(ALLOWED_HOSTS).orElse("").split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> h.matches(HOST)).toList();
    }

    /**
     * Remembers the address the first administrator set the site up from: their request's host joins
     * {@code site.allowedHosts}, and the address they confirmed (if any) becomes {@code site.url}.
     *
     * @throws KindredException 400 {@code invalid_field} when {@code typedUrl} is not an http(s) address
     */
    public static void rememberSetup(Context ctx, SiteSettings settings, String typedUrl) {
        String url = typedUrl == null ? "" : typedUrl.strip();
        if (!url.isEmpty() && !isSiteUrl(url)) {
            throw KindredException.invalidField("The site address must start with http:// or https://, e.g. https://club.example.com.");
        }
        List<String> hosts = new ArrayList<>(allowedHosts(settings));
        String host = requestHost(ctx, settings);
        if (host != null && !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        List<SiteSettings.Change> changes = new ArrayList<>();
        if (!settings.isForced(ALLOWED_HOSTS)) {
            changes.add(new SiteSettings.Change(ALLOWED_HOSTS, text(ALLOWED_HOSTS), String.join(",", hosts)));
        }
        if (!url.isEmpty() && !settings.isForced(URL)) {
            changes.add(new SiteSettings.Change(URL, text(URL), url));
        }
        settings.saveAll(changes);
    }

    /** @return the request's address for the setup page to suggest, e.g. {@code http://192.168.1.20:7070} */
    public static String suggestion(Context ctx, SiteSettings settings) {
        return configured(settings).orElseGet(() -> {
            String host = requestHost(ctx, settings);
            return (host == null ? "" : ("https".equalsIgnoreCase(requestScheme(ctx, settings)) ? "https" : "http") + "://" + host);
        });
    }

    static boolean isAllowed(String host, List<String> allowed) {
        String h = host.toLowerCase(Locale.ROOT);
        String name = h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.replaceAll(":[0-9]+$", "");
        return THIS_MACHINE.contains(name) || allowed.contains(h) || allowed.contains(name);
    }

    /** @return whether {@code u} is an http(s) address a site may have */
    public static boolean isSiteUrl(String u) {
        return u.matches("https?://[^\\s/]+(/\\S*)?");
    }

    private static String requestScheme(Context ctx, SiteSettings settings) {
        boolean proxied = settings.boolValue("http.trust-proxy", false);
        return proxied && ctx.header("X-Forwarded-Proto") != null ? ctx.header("X-Forwarded-Proto") : ctx.scheme();
    }

    /** @return the host (and port) the request names, or null when it is not a plain host */
    private static String requestHost(Context ctx, SiteSettings settings) {
        boolean proxied = settings.boolValue("http.trust-proxy", false);
        String host = proxied && ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.host();
        return host != null && host.matches(HOST) ? host : null;
    }

    private static SettingDefinition<String> text(String key) {
        return new SettingDefinition<>(key, SettingType.TEXT, "", key, t -> t, List.of());
    }
}
