package io.kindred.plugins.community;

import io.kindred.api.tasks.TaskKind;
import io.kindred.api.tasks.TaskProgress;

import java.util.Optional;

/**
 * The kind of task the community offers the task centre: "publish N posts", optionally in one category (the
 * parameter {@code category}, a category id), read from {@code post.published}; the brand's official posts do not count.
 */
final class CommunityTasks {

    static final TaskKind POSTS = TaskKind.of("community.posts", "Publish {target} posts", "post.published",
                    (event, params) -> {
                        String category = params.getOrDefault("category", "");
                        boolean official = Boolean.parseBoolean(event.string("official"));
                        if (official || (!category.isBlank() && !category.equals(event.string("categoryId")))) {
                            return Optional.empty();
                        }
                        return Optional.of(TaskProgress.add(event.longValue("userId"), 1));
                    })
            .named("zh", "发布 {target} 篇帖子").namedForOne("en", "Publish a post").withParameters("category");

    private CommunityTasks() {
    }
}
