package io.relais.export;

import io.swagger.v3.oas.annotations.Parameter;

/** How a list is exported, as query parameters beside the list's own filters. */
public record ExportParameters(
        @Parameter(description = "CSV (default) or NDJSON") ExportFormat format,
        @Parameter(description = "For CSV: SEMICOLON (default, which French spreadsheets open directly) or COMMA")
        Separator separator) {

    /** The character between a CSV line's values. */
    public enum Separator {
        SEMICOLON(';'),
        COMMA(',');

        private final char character;

        Separator(char character) {
            this.character = character;
        }

        public char character() {
            return character;
        }
    }

    ExportFormat formatOrDefault() {
        return format == null ? ExportFormat.CSV : format;
    }

    Separator separatorOrDefault() {
        return separator == null ? Separator.SEMICOLON : separator;
    }
}
