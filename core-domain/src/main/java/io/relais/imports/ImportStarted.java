package io.relais.imports;

/**
 * A user started importing a file (IMPORT in the audit view). Every event its rows caused carries the import's
 * id as its correlation id, so the audit tells which file a record came from.
 *
 * @param userId  who imported it
 * @param source  the source detail its records get
 * @param ownerId who its records go to; null: the territory rules
 */
public record ImportStarted(String importId, String userId, ImportKind kind, String fileName, String fileSha256,
                            int rows, String source, String ownerId) {
}
