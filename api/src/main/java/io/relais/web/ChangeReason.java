package io.relais.web;

import io.relais.common.InvalidFieldException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Change-Reason} a write is sent with: why the change is made, in the caller's words, kept in the
 * metadata of every event the request causes ({@link ActingContextFilter} reads it) and shown to auditors.
 */
final class ChangeReason {

    static final String HEADER = "Change-Reason";
    static final int MAX_LENGTH = 500;
    static final String DESCRIPTION = "Why the change is made, 1 to " + MAX_LENGTH + " characters (UTF-8) without "
            + "control characters: kept with every event the request causes and shown in the audit view";

    private static final String NOT_TEXT = "Change-Reason must not hold control characters or bytes that are not "
            + "UTF-8";

    private ChangeReason() {
    }

    /**
     * The reason the request's headers give, null when there is none; refused (400 naming the header) when blank,
     * repeated, too long, or holding control characters (NUL among them, which PostgreSQL cannot store).
     */
    static String of(String[] headers) {
        if (headers == null || headers.length == 0) {
            return null;
        }
        if (headers.length > 1) {
            throw invalid("Change-Reason must be given once");
        }
        String reason = utf8(headers[0]).strip();
        if (reason.isEmpty() || reason.length() > MAX_LENGTH) {
            throw invalid("Change-Reason must be 1 to " + MAX_LENGTH + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw invalid(NOT_TEXT);
        }
        return reason;
    }

    /**
     * Tomcat reads header bytes as ISO-8859-1: the bytes of a UTF-8 reason are decoded again as UTF-8, so that
     * "Erreur de saisie corrigée" is kept as written; bytes that are not UTF-8 are refused.
     */
    private static String utf8(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(NOT_TEXT);
        }
    }

    private static InvalidFieldException invalid(String detail) {
        return new InvalidFieldException(HEADER, "invalid-change-reason", detail);
    }
}
