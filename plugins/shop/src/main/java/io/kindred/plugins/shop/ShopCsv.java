package io.kindred.plugins.shop;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for spreadsheets (the warehouse export): UTF-8 with a byte order mark so that Excel reads Chinese right,
 * CRLF lines, every field quoted with inner quotes doubled, and a cell that a spreadsheet would take for a
 * formula ({@code = + - @}, tab, CR at the start) prefixed with an apostrophe.
 */
final class ShopCsv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    /** Appends one row. */
    ShopCsv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    /** @return one field, quoted and defused */
    static String cell(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
