package io.kindred.server.uploads;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Images;
import io.kindred.server.net.PublicAddresses;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Downloads a picture that an operator gave by its address on another host (a brand's CDN), so that Kindred can
 * serve it itself: pages only load pictures from their own site (strict CSP). Only http(s); the host must resolve
 * to public addresses (unless {@code images.fetch-allow-private}); at most 3 redirects, each checked the same way;
 * 10 seconds; at most {@link Images#MAX_BYTES}. What arrives is then checked by content like any upload.
 */
final class ImageFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REDIRECTS = 3;

    private final BooleanSupplier allowPrivate;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ImageFetcher(BooleanSupplier allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** @return the picture's bytes, not yet checked for its type */
    byte[] fetch(String url) {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkHost(uri);
            HttpResponse<InputStream> r = get(uri);
            int status = r.statusCode();
            if (status >= 300 && status < 400) {
                String location = r.headers().firstValue("Location").orElseThrow(() -> unreachable(url, "a redirect without a Location"));
                close(r);
                uri = parse(uri.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                close(r);
                throw unreachable(url, "the server answered " + status);
            }
            return read(r, url);
        }
        throw unreachable(url, "more than " + MAX_REDIRECTS + " redirects");
    }

    private static URI parse(String url) {
        String u = url == null ? "" : url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw KindredException.invalidField("A picture's address must be a web address (https://...) or a picture "
                + "uploaded to this site (/uploads/...): " + (u.length() > 80 ? u.substring(0, 80) + "…" : u));
    }

    private void checkHost(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw unreachable(uri.toString(), "the host " + uri.getHost() + " cannot be resolved");
        }
        if (allowPrivate.getAsBoolean()) {
            return;
        }
        for (InetAddress a : addresses) {
            if (PublicAddresses.isForbidden(a)) {
                throw unreachable(uri.toString(), "its host resolves to " + a.getHostAddress()
                        + ", an address of a private network (setting images.fetch-allow-private)");
            }
        }
    }

    private HttpResponse<InputStream> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "image/*").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(uri.toString(), "it did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(uri.toString(), "interrupted");
        }
    }

    private static byte[] read(HttpResponse<InputStream> r, String url) {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes(Images.MAX_BYTES + 1);
            if (bytes.length > Images.MAX_BYTES) {
                throw new KindredException(CoreError.IMAGE_TOO_LARGE, "The picture at " + url + " is larger than "
                        + Images.MAX_BYTES / 1024 + " KB.");
            }
            return bytes;
        } catch (IOException e) {
            throw unreachable(url, "the download broke off");
        }
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    private static KindredException unreachable(String url, String why) {
        return new KindredException(CoreError.IMAGE_UNREACHABLE, "The picture at " + url + " could not be fetched: "
                + why + ". Upload the picture instead.");
    }
}
