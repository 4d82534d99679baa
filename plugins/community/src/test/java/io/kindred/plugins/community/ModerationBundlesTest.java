package io.kindred.plugins.community;

import io.kindred.api.notifications.NotificationType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moderation bundles: the same keys in English and Chinese, with the same placeholders, and every notice worded. */
class ModerationBundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = ModerationBundlesTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = bundle("community-moderation");
        Properties zh = bundle("community-moderation_zh_CN");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), key);
        }
    }

    @Test
    void everyModerationNoticeHasATitleAndABody() throws IOException {
        Properties en = bundle("community-moderation");
        for (NotificationType t : ModerationNotices.ALL) {
            assertTrue(en.containsKey(t.titleKey()) && en.containsKey(t.bodyKey()), t.code());
        }
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
