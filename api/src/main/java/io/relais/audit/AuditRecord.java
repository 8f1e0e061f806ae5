package io.relais.audit;

import io.relais.common.InvalidFieldException;

import java.util.Arrays;
import java.util.Locale;

/** A record the audit view shows the history of: its kind and its id. */
public record AuditRecord(AuditRecordType type, String id) {

    /** The record's key in the event store's {@code audit_record} function and index: {@code <TYPE>:<id>}. */
    String key() {
        return type + ":" + id;
    }

    static AuditRecord ofKey(String key) {
        int colon = key.indexOf(':');
        return new AuditRecord(AuditRecordType.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }

    /** A record type a request names, in any case; refused naming {@code field} when it is none. */
    public static AuditRecordType type(String field, String value) {
        try {
            return AuditRecordType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "invalid-parameter", field + " must be one of "
                    + Arrays.toString(AuditRecordType.values()));
        }
    }
}
