package io.kindred.server.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV files for spreadsheets, written with commons-csv: UTF-8 with a byte order mark (so that Excel reads
 * Chinese right), CRLF lines, every field quoted, and text a spreadsheet would run as a formula defused.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /**
     * Text as a CSV cell that no spreadsheet runs: a cell starting with {@code = + - @}, a tab or a carriage
     * return would be read as a formula (CSV injection), so it gets a leading apostrophe. Anything that is not
     * text (numbers, null) is returned as it is.
     */
    public static Object defuse(Object value) {
        if (!(value instanceof CharSequence cs) || cs.isEmpty()) {
            return value;
        }
        char c = cs.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cs : cs.toString();
    }

    /** Writes the header and the rows, text defused, to {@code out} (not closed). */
    public static void write(OutputStream out, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get());
        csv.printRecord(header);
        for (List<?> row : rows) {
            List<Object> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(v == null ? "" : defuse(v));
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }
}
