package io.kindred.server.pages;

import io.kindred.server.ui.UiRegistry;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text a page shows, from message bundles: the theme's ({@code themes/default/messages/messages}) and
 * each started plugin's. English is the root bundle; {@code _zh_CN} holds Simplified Chinese. A key missing
 * everywhere shows as itself, so a gap is visible instead of blank.
 */
public final class Messages {

    /** The theme's bundles: member pages and the console. */
    public static final List<String> CORE_BUNDLES = List.of("themes/default/messages/messages",
            "themes/default/messages/console", "themes/default/messages/segments", "themes/default/messages/customers",
            "themes/default/messages/connectors", "themes/default/messages/kpis");

    private record Source(String owner, ClassLoader loader, String baseName) {
    }

    private final UiRegistry ui;
    private final Map<Locale, List<ResourceBundle>> cache = new ConcurrentHashMap<>();

    public Messages(UiRegistry ui) {
        this.ui = ui;
        ui.onChange(this::clear);
    }

    /** Forgets loaded bundles (a plugin started or stopped). */
    public void clear() {
        cache.clear();
        for (UiRegistry.Owned<String> o : ui.messageBundles()) {
            ResourceBundle.clearCache(o.loader());
        }
        ResourceBundle.clearCache(Messages.class.getClassLoader());
    }

    private List<Source> sources() {
        List<Source> s = new ArrayList<>();
        CORE_BUNDLES.forEach(b -> s.add(new Source("core", Messages.class.getClassLoader(), b)));
        for (UiRegistry.Owned<String> o : ui.messageBundles()) {
            s.add(new Source(o.owner(), o.loader(), o.value()));
        }
        return s;
    }

    private List<ResourceBundle> bundles(Locale locale) {
        return cache.computeIfAbsent(locale, l -> {
            List<ResourceBundle> list = new ArrayList<>();
            for (Source s : sources()) {
                try {
                    list.add(ResourceBundle.getBundle(s.baseName(), l, s.loader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
                } catch (MissingResourceException ignored) {
                    // this source has no bundle
                }
            }
            return List.copyOf(list);
        });
    }

    public Optional<String> find(Locale locale, String key) {
        for (ResourceBundle b : bundles(locale)) {
            if (b.containsKey(key)) {
                return Optional.of(b.getString(key));
            }
        }
        return Optional.empty();
    }

    /** The text for a key, with {0}-style arguments filled in. */
    public String get(Locale locale, String key, Object... args) {
        String pattern = find(locale, key).orElse(key);
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }
}
