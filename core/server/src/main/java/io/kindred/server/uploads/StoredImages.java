package io.kindred.server.uploads;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Images;
import io.kindred.api.web.UploadedFile;
import io.kindred.server.users.Tokens;

import java.nio.file.Path;

/** {@link Images} for plugins: pictures in {@code <data>/uploads/<folder>/<random>.<ext>}, served by {@code /uploads/}. */
public final class StoredImages implements Images {

    private final Path root;
    private final ImageFetcher fetcher;

    /**
     * @param uploadsDir   {@code <data>/uploads}
     * @param allowPrivate whether pictures may be fetched from private addresses (setting
     *                     {@code images.fetch-allow-private})
     */
    public StoredImages(Path uploadsDir, java.util.function.BooleanSupplier allowPrivate) {
        this.root = uploadsDir.toAbsolutePath().normalize();
        this.fetcher = new ImageFetcher(allowPrivate);
    }

    @Override
    public String local(String address, String folder) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("/uploads/") && !a.contains("..")) {
            return a;
        }
        byte[] image = fetcher.fetch(a);
        return store(new UploadedFile(a.substring(a.lastIndexOf('/') + 1), "application/octet-stream", image), folder);
    }

    @Override
    public String store(UploadedFile file, String folder) {
        // "avatars" and "site" belong to the core.
        if (folder == null || !folder.matches("[a-z0-9][a-z0-9-]{0,59}") || folder.equals("avatars") || folder.equals("site")) {
            throw new IllegalArgumentException("an upload folder is lower case letters, digits and '-': " + folder);
        }
        byte[] image = file.bytes();
        if (image.length > MAX_BYTES) {
            throw new KindredException(CoreError.IMAGE_TOO_LARGE, "The picture is larger than " + MAX_BYTES / 1024 + " KB.");
        }
        ImageType type = ImageType.sniff(image).orElseThrow(() -> new KindredException(CoreError.IMAGE_TYPE,
                "Only PNG, JPEG, GIF or WebP pictures can be used."));
        String name = Tokens.secret(18) + "." + type.extension;
        ImageType.writeAtomically(root.resolve(folder), name, image);
        return "/uploads/" + folder + "/" + name;
    }
}
