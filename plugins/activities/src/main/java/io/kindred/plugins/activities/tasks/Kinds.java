package io.kindred.plugins.activities.tasks;

import io.kindred.api.PluginContext;
import io.kindred.api.tasks.TaskKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds a task can be made from: the built-in ones and those declared by the plugins started now, read at each
 * use (never kept), so a plugin that starts after this one, or is switched off and on, is seen as it is.
 */
final class Kinds {

    /** A kind as the console's editor shows it. */
    record Option(String code, String title, List<String> parameters, boolean builtIn) {
    }

    private final PluginContext ctx;

    Kinds(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the declared kind of this code, if its plugin runs */
    Optional<TaskKind> declared(String code) {
        return ctx.taskKinds().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /** @return whether members may see tasks of this kind now (built in, or its plugin runs) */
    boolean available(String code) {
        return BuiltInKind.of(code).isPresent() || declared(code).isPresent();
    }

    /** @return every kind an operator can make a task from now */
    List<Option> options(Locale locale) {
        List<Option> all = new ArrayList<>();
        for (BuiltInKind k : BuiltInKind.values()) {
            all.add(new Option(k.code(), k.title(locale), k.parameters(), true));
        }
        for (TaskKind k : ctx.taskKinds()) {
            all.add(new Option(k.code(), k.title(locale), k.parameters(), false));
        }
        return all;
    }

    /** @return the task's title: the operator's, or its kind's with the target and parameters filled in */
    String title(Task task, Locale locale) {
        if (!task.title().isBlank()) {
            return task.title();
        }
        String template = BuiltInKind.of(task.kind()).map(k -> k.title(locale, task.target()))
                .or(() -> declared(task.kind()).map(k -> k.title(locale, task.target())))
                .orElse(task.kind());
        String title = template.replace("{target}", Long.toString(task.target()));
        for (Map.Entry<String, String> p : task.params().entrySet()) {
            title = title.replace("{" + p.getKey() + "}", p.getValue());
        }
        return title;
    }

    /** @return the parameters a progress rule reads: the task's, and its target as {@code target} */
    static Map<String, String> ruleParameters(Task task) {
        Map<String, String> params = new LinkedHashMap<>(task.params());
        params.put("target", Long.toString(task.target()));
        return params;
    }
}
