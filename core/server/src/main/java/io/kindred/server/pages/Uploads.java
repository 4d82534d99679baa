package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code /uploads/<path>}: pictures from {@code <data>/uploads} (avatars, the site logo). Only plain names
 * of known image types are served, never anything outside the folder, a hidden file or a link; stored names
 * are random and never reused, so browsers may keep them for a year.
 */
public final class Uploads implements Consumer<CoreRouting> {

    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");
    /** Folders and a file name of letters, digits, '_' and '-', then a known extension. */
    private static final Pattern SAFE = Pattern.compile("([A-Za-z0-9_-]{1,100}/){0,3}[A-Za-z0-9_-]{1,100}\\.[A-Za-z]{3,4}");

    private final Path root;

    public Uploads(Path uploadsDir) {
        this.root = uploadsDir.toAbsolutePath().normalize();
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/uploads/<path>", Access.PUBLIC, this::serve);
    }

    private void serve(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        if (!SAFE.matcher(path).matches()) {
            throw notFound();
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        Path file = root.resolve(path).normalize();
        if (type == null || !file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !file.toRealPath().startsWith(root.toRealPath())) {
            throw notFound();
        }
        ctx.contentType(type);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        // Should a crafted file ever be opened as a page, it may run nothing and reach nothing.
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        ctx.header("Content-Disposition", "inline");
        ctx.result(Files.readAllBytes(file));
    }

    private static KindredException notFound() {
        return KindredException.notFound("There is no such file.");
    }
}
