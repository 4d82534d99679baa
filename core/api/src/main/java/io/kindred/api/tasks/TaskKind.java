package io.kindred.api.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A kind of task (任务类型) a plugin offers the task centre: the operator makes tasks from it, with a target, a reward
 * and the kind's parameters; members' progress is read from the plugin's events of {@code eventType} by the
 * {@code rule}. A plugin declares its kinds with {@link io.kindred.api.PluginContext#taskKind(TaskKind)}; a kind, and
 * every task made from it, is hidden while the declaring plugin is not started.
 *
 * <pre>{@code
 * ctx.taskKind(TaskKind.of("checkin.streak", "Check in {target} days in a row", "checkin.recorded",
 *         (event, params) -> Optional.of(TaskProgress.set(event.userId(), event.longValue("streak")))).named("zh", "连续签到 {target} 天"));
 * }</pre>
 *
 * @param code       dotted lower case, prefixed with the declaring plugin's area, e.g. {@code checkin.streak}
 * @param titles     the task's title by language tag ({@code en} is the fallback); {@code {target}} and
 *                   {@code {<parameter>}} are replaced by the task's values
 * @param eventType  the event type progress is read from, e.g. {@code checkin.recorded}
 * @param parameters the names of the parameters the operator sets besides the target (e.g. {@code category}); text
 * @param rule       reads progress from one event
 */
public record TaskKind(String code, Map<String, String> titles, String eventType, List<String> parameters,
                       ProgressRule rule) {

    /** Suffix of the title keys for a target of 1 ({@code en#one}). */
    private static final String ONE = "#one";

    /** Validates the code, the event type and the English title; keeps unmodifiable copies. */
    public TaskKind {
        if (code == null || !code.matches("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+") || code.length() > 64) {
            throw new IllegalArgumentException("a task kind code is dotted lower case, e.g. checkin.streak: " + code);
        }
        if (eventType == null || !eventType.matches("[a-z0-9_.-]{1,50}") || rule == null) {
            throw new IllegalArgumentException("task kind " + code + " needs an event type and a progress rule");
        }
        if (titles == null || titles.get("en") == null || titles.get("en").isBlank()) {
            throw new IllegalArgumentException("task kind " + code + " needs an English title");
        }
        for (String p : parameters) {
            if (!p.matches("[a-z][a-zA-Z0-9]{0,31}") || p.equals("target")) {
                throw new IllegalArgumentException("task kind " + code + ": bad parameter name " + p);
            }
        }
        titles = Map.copyOf(titles);
        parameters = List.copyOf(parameters);
    }

    /**
     * @param code         the kind's code
     * @param englishTitle its title in English
     * @param eventType    the event type it reads
     * @param rule         how one event moves progress
     * @return the kind, without parameters besides the target
     */
    public static TaskKind of(String code, String englishTitle, String eventType, ProgressRule rule) {
        return new TaskKind(code, Map.of("en", englishTitle), eventType, List.of(), rule);
    }

    /** @param languageTag e.g. {@code zh} @param title the title in that language @return a copy with it */
    public TaskKind named(String languageTag, String title) {
        Map<String, String> all = new LinkedHashMap<>(titles);
        all.put(Locale.forLanguageTag(languageTag).toLanguageTag(), title);
        return new TaskKind(code, all, eventType, parameters, rule);
    }

    /**
     * The title for a target of 1, in a language with plural forms ("Answer a questionnaire" rather than "Answer 1
     * questionnaires"); without it the general title is used with 1.
     *
     * @param languageTag e.g. {@code en} @param title the title when the target is 1 @return a copy with it
     */
    public TaskKind namedForOne(String languageTag, String title) {
        Map<String, String> all = new LinkedHashMap<>(titles);
        all.put(Locale.forLanguageTag(languageTag).toLanguageTag() + ONE, title);
        return new TaskKind(code, all, eventType, parameters, rule);
    }

    /** @param names parameter names besides the target @return a copy with those parameters */
    public TaskKind withParameters(String... names) {
        return new TaskKind(code, titles, eventType, List.of(names), rule);
    }

    /**
     * @param locale the reader's language
     * @return the title in that language ({@code zh-CN}, then {@code zh}, then English), placeholders not yet replaced
     */
    public String title(Locale locale) {
        return title(locale, 0);
    }

    /**
     * @param locale the reader's language
     * @param target the task's target: 1 picks the title given by {@link #namedForOne}, when there is one
     * @return the title in that language, placeholders not yet replaced
     */
    public String title(Locale locale, long target) {
        if (target == 1) {
            String one = titles.getOrDefault(locale.toLanguageTag() + ONE, titles.get(locale.getLanguage() + ONE));
            if (one != null) {
                return one;
            }
            if (!titles.containsKey(locale.toLanguageTag()) && !titles.containsKey(locale.getLanguage())
                    && titles.containsKey("en" + ONE)) {
                return titles.get("en" + ONE);
            }
        }
        String exact = titles.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        return titles.getOrDefault(locale.getLanguage(), titles.get("en"));
    }
}
