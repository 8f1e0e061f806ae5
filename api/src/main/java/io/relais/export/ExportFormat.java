package io.relais.export;

/** The file a list is exported as. */
public enum ExportFormat {
    /** Comma- or semicolon-separated values, UTF-8 with a byte order mark, one line of column names first. */
    CSV(ListExports.CSV + ";charset=UTF-8", "csv"),
    /** JSON Lines: one row per line, as the list's page shows it. */
    NDJSON(ListExports.NDJSON, "ndjson");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }
}
