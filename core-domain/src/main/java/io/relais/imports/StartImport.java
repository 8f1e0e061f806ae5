package io.relais.imports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the caller imports a file, before its first row is read: what it holds and where it comes from.
 *
 * @param importId   the import's id, new
 * @param fileName   the file's name as uploaded
 * @param fileSha256 the SHA-256 of the file's bytes, in hexadecimal: which file it was, without keeping it
 * @param rows       the rows the file holds, its header aside
 * @param source     where the file comes from (a partner, a trade fair), given to every record as its source
 *                   detail; null: the file's name
 * @param ownerId    who the imported records go to; null: the territory rules, or for a manager themselves
 */
public record StartImport(@TargetAggregateIdentifier String importId, ImportKind kind, String fileName,
                          String fileSha256, int rows, String source, String ownerId) {
}
