package io.kindred.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The multipart helpers of {@link Http}, against the console's member import (multipart field {@code file}). */
class HttpMultipartTest {

    @TempDir
    Path tmp;

    @Test
    void aFormWithAFileIsSubmittedWithThePagesTokenAndAScriptsUploadWithItsHeader() throws Exception {
        Path csv = Files.writeString(tmp.resolve("members.csv"), "email,name\nzhao@example.com,赵\n");
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http admin = p.admin();

            Http.Response form = admin.form("/console/members/import").submitFile("/console/members/import", "file", csv);
            assertEquals(303, form.status(), form.body());
            assertTrue(form.headers().getOrDefault("location", "").startsWith("/console/members/import/"), form.headers().toString());

            Http.Response script = admin.postMultipart("/console/members/import", Map.of(), "file", csv);
            assertEquals(303, script.status(), script.body());
        }
    }
}
