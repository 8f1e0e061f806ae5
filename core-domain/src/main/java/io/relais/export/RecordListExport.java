package io.relais.export;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the caller is exporting a list, before its first row leaves: which list, in which format, with
 * which filters.
 *
 * @param exportId the export's id, new
 * @param list     the list as its path names it: leads, accounts, contacts, opportunities, activities, duplicates
 * @param format   CSV or NDJSON
 * @param filters  the request's query string, its filters as given; null for the whole list
 */
public record RecordListExport(@TargetAggregateIdentifier String exportId, String list, String format,
                               String filters) {
}
