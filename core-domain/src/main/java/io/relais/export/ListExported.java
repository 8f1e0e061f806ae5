package io.relais.export;

/**
 * A user exported a list: records left the CRM as a file, with the user's visibility. Recorded before the first
 * row was sent, so that an export cut short is recorded too. Each export is a record of its own (EXPORT in the
 * audit view).
 *
 * @param userId  who exported it
 * @param list    the list as its path names it: leads, accounts, contacts, opportunities, activities, duplicates
 * @param format  CSV or NDJSON
 * @param filters the request's query string, its filters as given (what the user searched for is theirs:
 *                personal data of a user); null for the whole list
 */
public record ListExported(String exportId, String userId, String list, String format, String filters) {
}
