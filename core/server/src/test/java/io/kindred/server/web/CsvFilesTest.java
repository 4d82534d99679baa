package io.kindred.server.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV for spreadsheets: byte order mark, every field quoted, formulas defused, numbers as they are. */
class CsvFilesTest {

    private static String csv(List<?>... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvFiles.write(out, List.of("a", "b"), Arrays.asList(rows));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cellsAreQuotedAndFormulasDefused() throws Exception {
        assertEquals("\uFEFF\"a\",\"b\"\r\n\"x\"\"y\",\"'=HYPERLINK(\"\"x\"\")\"\r\n",
                csv(List.of("x\"y", "=HYPERLINK(\"x\")")));
        for (String s : new String[]{"+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals("'" + s, CsvFiles.defuse(s));
        }
        assertEquals("\uFEFF\"a\",\"b\"\r\n\"\",\"line1\nline2\"\r\n", csv(Arrays.asList(null, "line1\nline2")));
        assertEquals("\uFEFF\"a\",\"b\"\r\n\"-5\",\"杭州\"\r\n", csv(List.of(-5, "杭州")), "a number is not text: not defused");
        assertEquals("", CsvFiles.defuse(""));
    }
}
