package io.kindred.api.web;

/**
 * Stores pictures uploaded to a plugin (an item's image, …) under the site's uploads, where
 * {@code /uploads/...} serves them. The type is decided by the file's first bytes (PNG, JPEG, GIF or WebP),
 * never by its name or the content type the browser sent, so a script or an SVG cannot pass for a picture.
 *
 * <pre>{@code
 * String url = x.file("image").map(f -> ctx.images().store(f, "shop")).orElse(null);
 * }</pre>
 */
public interface Images {

    /** The largest picture accepted, in bytes (2 MB). */
    int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * Stores a picture under a new random name.
     *
     * @param file   the uploaded file
     * @param folder a folder of lower case letters, digits and {@code -}, e.g. the plugin's id
     * @return its path, {@code /uploads/<folder>/<random>.<png|jpg|gif|webp>}, to put in an {@code <img src>}
     * @throws io.kindred.api.KindredException 413 {@code image_too_large} above {@link #MAX_BYTES}, 415
     *                                         {@code image_type} when it is not a PNG, JPEG, GIF or WebP
     */
    String store(UploadedFile file, String folder);

    /**
     * A picture's address as this site can show it. Pages load pictures from their own site only (strict CSP), so
     * a picture given by its address on another host (a brand's CDN) is fetched now and stored like an upload;
     * an address of this site's uploads is kept as it is. Fetching takes at most 10 seconds, follows at most 3
     * redirects, and refuses hosts on private networks (unless the operator sets {@code images.fetch-allow-private}).
     *
     * <pre>{@code
     * String imageUrl = ctx.images().local(fields.get("imageUrl"), "shop");
     * }</pre>
     *
     * @param address an {@code https://...} (or {@code http://}) address, or a {@code /uploads/...} path
     * @param folder  where a fetched picture goes, as for {@link #store}
     * @return a {@code /uploads/...} path
     * @throws io.kindred.api.KindredException 400 {@code invalid_field} for anything else, 422
     *                                         {@code image_unreachable} when it cannot be fetched, 413/415 as
     *                                         {@link #store} for what arrives
     */
    default String local(String address, String folder) {
        throw new UnsupportedOperationException("this host does not fetch pictures");
    }
}
