package io.relais.imports;

import io.relais.common.InvalidFieldException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV file as spreadsheets and other systems write it: UTF-8 with or without a byte order mark, or
 * Windows-1252 (what a French Excel saves as "CSV"), separated by semicolons or commas, quoted values holding
 * separators, quotes and line breaks. Its first line names the columns. A row's line is where it begins in the
 * file, so that a refusal points at what a spreadsheet shows; lines holding nothing are not rows.
 */
final class CsvTable {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The file decoded once, its byte order mark left out. */
    private final String text;
    private final Charset charset;
    private final char separator;
    private final List<String> header;

    private CsvTable(String text, Charset charset, char separator, List<String> header) {
        this.text = text;
        this.charset = charset;
        this.separator = separator;
        this.header = header;
    }

    /** A row of the file: its values in the header's order. */
    record Row(int index, int line, List<String> values) {
    }

    /**
     * The table in {@code content}, its encoding and separator found unless given; refused as the {@code file}
     * field when it is empty, not text, or its header is unusable.
     */
    static CsvTable of(byte[] content, Charset charset, Character separator) {
        if (content.length == 0 || blank(content)) {
            throw new InvalidFieldException("file", "empty-file", "The file is empty: it needs a header line and rows");
        }
        Charset encoding = charset != null ? charset : encodingOf(content);
        String text = decode(content, encoding);
        char sep = separator != null ? separator : separatorOf(text);
        List<String> header;
        try (CSVParser parser = parser(text, sep)) {
            Iterator<CSVRecord> records = parser.iterator();
            header = records.hasNext() ? records.next().toList().stream().map(String::strip).toList() : List.of();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidFieldException("file", "unreadable-csv", "The header line cannot be read as CSV: "
                    + message(e));
        }
        if (header.stream().allMatch(String::isEmpty)) {
            throw new InvalidFieldException("file", "no-header", "The first line must name the columns");
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!name.isEmpty() && !seen.add(name)) {
                throw new InvalidFieldException("file", "duplicate-column", "Two columns are named " + name);
            }
        }
        return new CsvTable(text, encoding, sep, header);
    }

    Charset charset() {
        return charset;
    }

    char separator() {
        return separator;
    }

    List<String> header() {
        return header;
    }

    /**
     * Each row from the {@code first}th on, in order; a file that stops being CSV (a quote never closed) is
     * refused as the {@code file} field, naming the line.
     */
    void rows(int first, Consumer<Row> action) {
        try (CSVParser parser = parser(text, separator)) {
            Iterator<CSVRecord> records = parser.iterator();
            records.next();
            long end = parser.getCurrentLineNumber();
            int index = 0;
            while (true) {
                CSVRecord record;
                long start = end + 1;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new InvalidFieldException("file", "unreadable-csv", "Line " + start
                            + " and after cannot be read as CSV: " + message(e));
                }
                end = parser.getCurrentLineNumber();
                List<String> values = record.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (index >= first) {
                    action.accept(new Row(index, (int) start, List.copyOf(values)));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rows the file holds; refused as {@link #rows} refuses. */
    int count() {
        int[] count = {0};
        rows(0, row -> count[0]++);
        return count[0];
    }

    private static CSVParser parser(String text, char separator) throws IOException {
        return CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get()
                .parse(new StringReader(text));
    }

    private static boolean blank(byte[] content) {
        int start = startsWith(content, UTF_8_BOM) ? UTF_8_BOM.length : 0;
        for (int i = start; i < content.length; i++) {
            if (!Character.isWhitespace(content[i])) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 when the bytes are UTF-8 (a byte order mark says so at once), else Windows-1252. */
    private static Charset encodingOf(byte[] content) {
        if (startsWith(content, UTF_8_BOM)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return WINDOWS_1252;
        }
    }

    /**
     * The text, its byte order mark left out; refused when it holds what no CSV holds: a NUL, another control
     * character than tab and line breaks, or bytes the encoding does not define (a binary file).
     */
    private static String decode(byte[] content, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw notText("bytes that are not " + charset.name() + " text");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw notText("the control character U+" + String.format("%04X", (int) c));
            }
        }
        return text;
    }

    private static InvalidFieldException notText(String what) {
        return new InvalidFieldException("file", "not-csv", "The file is not CSV text: it holds " + what);
    }

    /** The separator of the header line: semicolons unless it holds more commas (outside quotes). */
    private static char separatorOf(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String message(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
