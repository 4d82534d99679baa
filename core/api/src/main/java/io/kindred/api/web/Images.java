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
}
