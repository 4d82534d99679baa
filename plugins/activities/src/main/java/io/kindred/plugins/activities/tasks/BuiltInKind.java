package io.kindred.plugins.activities.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of task the task centre offers by itself; plugins add theirs through {@code ctx.taskKind(...)}. */
enum BuiltInKind {
    /** Fill in a display name and a birthday; checked against the profile when the member claims it. */
    PROFILE("tasks.profile", List.of(), "Complete your profile", "完善个人资料"),
    /** Bind a phone number to the account; checked when the member claims it. */
    PHONE("tasks.phone", List.of(), "Bind your phone number", "绑定手机号"),
    /** Follow the brand on an external platform; a screenshot or a handle, reviewed by an operator. */
    FOLLOW("tasks.follow", List.of("platform", "account"), "Follow us on {platform}", "在{platform}关注我们"),
    /** Share a product or a post; counted when visitors open the member's link. */
    SHARE("tasks.share", List.of("url"), "Share with friends: {target} visits today", "分享给好友：今日 {target} 位好友打开");

    private static final String SHARE_ONE = "Share with a friend: 1 visit today";

    private final String code;
    private final List<String> parameters;
    private final String english;
    private final String chinese;

    BuiltInKind(String code, List<String> parameters, String english, String chinese) {
        this.code = code;
        this.parameters = parameters;
        this.english = english;
        this.chinese = chinese;
    }

    /** @return the title in the reader's language, placeholders not yet replaced */
    String title(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }

    /** @return the title for this target (English has a singular for the share task's 1 visit) */
    String title(java.util.Locale locale, long target) {
        return this == SHARE && target == 1 && !"zh".equals(locale.getLanguage()) ? SHARE_ONE : title(locale);
    }

    String code() {
        return code;
    }

    List<String> parameters() {
        return parameters;
    }

    static Optional<BuiltInKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
