package io.relais.process;

/**
 * The processing group of the process managers that complete work across records: a moved contact taken in,
 * a merged duplicate's contacts, leads, deals and activities moved to its survivor, a won deal's account made
 * a customer. Never replayed; a failed step is retried.
 */
public final class RecordProcesses {

    public static final String PROCESSING_GROUP = "record-processes";

    private RecordProcesses() {
    }
}
