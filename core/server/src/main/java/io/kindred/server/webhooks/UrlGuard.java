package io.kindred.server.webhooks;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks away from the server's own network (SSRF): a URL must be http or https, and every address its
 * host resolves to must be public, unless the setting {@code webhooks.allow-private} says otherwise. Checked when
 * an endpoint is saved and again before each delivery, since a name can be pointed elsewhere later.
 */
final class UrlGuard {

    static final int MAX_LENGTH = 2000;

    private UrlGuard() {
    }

    /** @return the URL, parsed, when it is an absolute http(s) URL with a host; a 400 otherwise */
    static URI parse(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            throw KindredException.missingField("url");
        }
        if (u.length() > MAX_LENGTH) {
            throw invalid("The url must be at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw invalid("The url is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("The url must start with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("The url must name a host, as in https://shop.example/hooks/kindred.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("The url must not carry a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("The url must not have a #fragment.");
        }
        return uri;
    }

    /** Resolves the host; refuses it when any of its addresses is not public and private ones are not allowed. */
    static void check(URI uri, boolean allowPrivate) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw invalid("The host " + uri.getHost() + " of the url cannot be resolved.");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress a : addresses) {
            if (isForbidden(a)) {
                throw new KindredException(CoreError.WEBHOOK_URL_FORBIDDEN, "The url's host " + uri.getHost()
                        + " resolves to " + a.getHostAddress() + ", a loopback, link-local, private, multicast or"
                        + " unspecified address; webhooks go to public addresses only (setting webhooks.allow-private).");
            }
        }
    }

    /** @see io.kindred.server.net.PublicAddresses#isForbidden(InetAddress) */
    static boolean isForbidden(InetAddress a) {
        return io.kindred.server.net.PublicAddresses.isForbidden(a);
    }

    private static KindredException invalid(String message) {
        return new KindredException(CoreError.WEBHOOK_URL_INVALID, message);
    }
}
