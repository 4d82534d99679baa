package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @name} in a post or comment tells the member of that display name (in-site and by their choice of
 * email). A name that several members share mentions nobody: the writer's intent is unclear. At most
 * {@link #MAX_PER_TEXT} members per text, never the writer.
 */
final class Mentions {

    static final NotificationType MENTIONED = NotificationType.of("community.mention");
    static final int MAX_PER_TEXT = 10;
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([\\p{L}\\p{N}_.-]{1,40})");

    private final PluginContext ctx;

    Mentions(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the distinct names mentioned in {@code text}, in order */
    static List<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text == null ? "" : text);
        while (m.find() && names.size() < MAX_PER_TEXT) {
            names.add(m.group(1).replaceAll("[.-]+$", ""));
        }
        return List.copyOf(names);
    }

    /** Notifies the members mentioned in a post or comment, in the writer's transaction. */
    void notify(Handle tx, Member writer, long postId, String title, String text) {
        for (String name : names(text)) {
            List<Member> named = ctx.members().findByDisplayName(name);
            if (named.size() == 1 && named.get(0).id() != writer.id()) {
                long to = named.get(0).id();
                ctx.notifications().send(tx, to, MENTIONED.code(), Map.of("name", writer.displayName(), "title", title),
                        "/community/posts/" + postId, "community:mention:" + postId + ":" + text.hashCode() + ":" + to);
            }
        }
    }
}
