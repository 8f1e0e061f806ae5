package io.relais.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV as spreadsheets open it directly: UTF-8 with a byte order mark, and no cell that a spreadsheet would run as
 * a formula (OWASP's CSV injection: such a text is written after an apostrophe, which spreadsheets hide).
 */
public final class SpreadsheetCsv {

    /** Characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCsv() {
    }

    /** A printer of CSV lines separated by {@code separator} into {@code out}, the byte order mark written. */
    public static CSVPrinter printer(OutputStream out, ExportParameters.Separator separator) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(separator.character()).get());
    }

    /** The text as a cell holds it safely: after an apostrophe when it would start a formula. */
    public static String guarded(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A cell's text as {@link #guarded} wrote it: the apostrophe before a formula's start taken off. */
    public static String unguarded(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0
                ? text.substring(1) : text;
    }
}
