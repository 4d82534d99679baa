package io.kindred.server.pages;

import io.kindred.server.ui.UiRegistry;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds a template by name in order: the active theme in {@code <data>/themes/<name>/templates/}, the
 * bundled default theme, then, for a name {@code <pluginId>/<file>}, the plugin's own templates. A theme can
 * therefore override any single page, a plugin's included, without copying the rest.
 */
final class ThemeLoader implements Loader<String> {

    private static final String SUFFIX = ".peb";
    private final Path themesDir;
    private final Supplier<String> activeTheme;
    private final UiRegistry ui;

    ThemeLoader(Path themesDir, Supplier<String> activeTheme, UiRegistry ui) {
        this.themesDir = themesDir;
        this.activeTheme = activeTheme;
        this.ui = ui;
    }

    @Override
    public Reader getReader(String name) {
        InputStream in = open(name).orElseThrow(() -> new LoaderException(null, "Template " + name + " was not found."));
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private Optional<InputStream> open(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            return Optional.empty();
        }
        try {
            Path custom = themesDir.resolve(activeTheme.get()).resolve("templates").resolve(name + SUFFIX);
            if (Files.isRegularFile(custom)) {
                return Optional.of(Files.newInputStream(custom));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputStream bundled = ThemeLoader.class.getClassLoader().getResourceAsStream("themes/default/templates/" + name + SUFFIX);
        if (bundled != null) {
            return Optional.of(bundled);
        }
        int slash = name.indexOf('/');
        if (slash > 0) {
            String owner = name.substring(0, slash);
            String rest = name.substring(slash + 1);
            for (UiRegistry.Owned<String> folder : ui.templateFolders()) {
                if (folder.owner().equals(owner)) {
                    InputStream in = folder.loader().getResourceAsStream(folder.value() + "/" + rest + SUFFIX);
                    if (in != null) {
                        return Optional.of(in);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void setCharset(String charset) {
        // always UTF-8
    }

    @Override
    public void setPrefix(String prefix) {
        // the lookup order is fixed
    }

    @Override
    public void setSuffix(String suffix) {
        // always .peb
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        Optional<InputStream> in = open(templateName);
        in.ifPresent(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        });
        return in.isPresent();
    }
}
