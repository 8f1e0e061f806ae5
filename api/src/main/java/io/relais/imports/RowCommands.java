package io.relais.imports;

import java.util.List;

/**
 * What one row of a file stands for: the commands that make its records, sent in order.
 *
 * @param recordId the record the row's commands go to first; rows of one record are sent one after the other
 */
record RowCommands(String recordId, List<Object> commands) {
}
