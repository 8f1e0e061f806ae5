package io.relais.imports;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * What an import of a file is: the file, as read, and what the request asked of it.
 *
 * @param mapping   each column's field, null for a column left out
 * @param keyColumn the column whose value identifies a row's record across files; null: the file and the row do
 * @param source    the source detail its records get
 * @param ownerId   who its records go to, as checked; null: the territory rules
 * @param rows      the rows of the file
 */
record ImportSettings(ImportKind kind, String fileName, String fileSha256, Charset charset, char separator,
                      Map<String, String> mapping, String keyColumn, String source, String ownerId, int rows) {

    /** What the records say of where they come from: the source given, else the file's name. */
    String sourceDetail() {
        return source != null ? source : fileName;
    }

    ImportSettings withOwner(String owner) {
        return new ImportSettings(kind, fileName, fileSha256, charset, separator, mapping, keyColumn, source, owner,
                rows);
    }
}
