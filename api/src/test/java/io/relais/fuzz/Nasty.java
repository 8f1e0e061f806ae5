package io.relais.fuzz;

import java.util.List;

/** The hostile values the fuzzer puts where valid ones belong. */
final class Nasty {

    static final int HUGE = 100_000;

    /** Strings, each written as the JSON string literal that carries it (so that lone surrogates survive). */
    static final List<String> STRING_LITERALS = List.of(
            "\"\"",
            "\" \"",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"x\\udfffy\"",
            "\"\\u202eevil\\u202c\"",
            "\"עברית العربية\"",
            "\"👩‍👩‍👧‍👦🏳️‍🌈\"",
            "\"e\\u0301\\u0301\\u0301\\u0301\"",
            "\"\\u200b\\ufeff\\u2028\\u2029\"",
            "\"\\uffff\\ufffe\"",
            "\"\\u0001\\u001f\\u007f\\t\\r\\n\"",
            "\"'; drop table domainevententry; --\"",
            "\"%s%n%x\"",
            "\"${jndi:ldap://x}\"",
            "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"",
            "\"" + "x".repeat(HUGE) + "\"",
            "\"" + "é".repeat(HUGE) + "\"",
            "\"" + "😀".repeat(HUGE / 2) + "\"",
            "\"" + "\\u0000".repeat(1000) + "\"");

    /** Numbers as JSON tokens, several beyond what a double, a long or a sane scale can hold. */
    static final List<String> NUMBER_TOKENS = List.of(
            "0", "-0", "-0.0", "-1", "1e308", "-1e308", "1e309", "4.9e-324", "1e-400",
            "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890123456789", "0.000000000000000000001", "1.23456789123456789",
            "1E+2147483647", "1E-2147483648", "1e1000000000", "100.001", "0.1e1", "1.0");

    static final List<String> DATES = List.of(
            "+999999999-12-31", "-999999999-01-01", "-4714-01-01", "-4713-11-24", "0000-01-01", "0001-01-01",
            "294276-12-31", "294277-01-01", "9999-12-31", "+10000-01-01", "1970-01-01", "2026-02-30",
            "2026-13-01", "2026-00-10", "20260101", "2026-1-1", "today", "");

    static final List<String> INSTANTS = List.of(
            "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "-4714-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "294277-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "2026-01-01T00:00:00+18:00", "2026-01-01T00:00:00-18:00", "2026-01-01T24:00:00Z",
            "2026-01-01T00:00:00", "2026-01-01T00:00:00.1234567891Z", "1970-01-01T00:00:00Z", "2026-01-01");

    /** Ids as they go into a path segment, already percent-encoded where a raw character is not allowed. */
    static final List<String> PATH_IDS = List.of(
            "..%2F", "..%2F..%2Fusers", "%2e%2e", "%2e", "%00", "a%00b", "a%2Fb", "a%5Cb", "%25", "%3B", "a;b=c",
            "%20", "%C3%A9", "%F0%9F%98%80", "%ED%A0%80", "%FF", "null", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "x".repeat(10_000), "%E2%80%AE", ".", "~", "a%0D%0AX-Injected:%201");

    static final List<String> IF_MATCH = List.of(
            "*", "W/\"1\"", "\"abc\"", "1", "\"\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"",
            "\"" + "9".repeat(1000) + "\"", "\"0x10\"", "\" 1\"", "");

    static final List<String> IDEMPOTENCY_KEYS = List.of(
            "", " ", "key with spaces", "k".repeat(101), "k".repeat(10_000), "a/b", "a%00b", "{}", "é");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=ISO-8859-1", "application/json; charset=bogus", "application/json;;",
            "application/*", "*/*", ";", "application/merge-patch+json", "application/problem+json", "garbage");

    static final List<String> ACCEPTS = List.of(
            "application/xml", "text/html", "image/png", "*/*;q=x", "application/problem+json", ";;", "text/*",
            "application/json;q=0", "application/json, */*;q=0.1");

    static final List<String> AUTHORIZATIONS = List.of(
            "Basic !!!", "Basic bm9jb2xvbg==", "Basic YWRtaW46", "Basic ", "Bearer x.y.z", "Bearer", "Digest abc",
            "Basic " + "A".repeat(10_000));

    static final List<String> REQUEST_IDS = List.of(
            "", "id with spaces", "r".repeat(10_000), "../..", "00-zz-zz-01");

    /** Ways to spoil a JSON document's text; each is applied to the serialised body. */
    static final List<String> SLOPPY_JSON = List.of(
            "trailing garbage", "duplicate key", "comment", "single quotes", "trailing comma", "truncated",
            "byte order mark", "NaN", "leading zeros", "two documents", "deep nesting", "empty");

    private Nasty() {
    }
}
