package io.relais.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The data subjects' keys, one per person, kept in {@code data_subject_key} wrapped by the master key
 * (ADR 013). Erasing a subject deletes its key and leaves a row saying when: from then on nothing can read
 * the person's data, nor is any written again. A record about a person (an activity about a contact) is
 * registered in {@code data_subject_record} so that its later events find the person's key.
 *
 * <p>Keys are cached for a short while. What a transaction writes or reads enters the cache only once it
 * commits, so a rolled-back key is never used.
 */
public class SubjectKeys implements DataSubjectKeys {

    private static final Optional<SecretKey> ERASED = Optional.empty();
    private static final Duration KEY_COMMIT_PATIENCE = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;
    private final Cache<DataSubject, Optional<SecretKey>> keys;
    private final Cache<List<String>, DataSubject> records;
    private final List<Runnable> erasureListeners = new CopyOnWriteArrayList<>();

    SubjectKeys(JdbcTemplate jdbc, MasterKeys masterKeys, Duration cacheTtl) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.keys = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(cacheTtl).build();
        this.records = Caffeine.newBuilder().maximumSize(100_000).build();
    }

    /** The key to encrypt the subject's data with, made on first use; empty once the subject is erased. */
    Optional<SecretKey> keyForWriting(DataSubject subject) {
        Optional<SecretKey> cached = keys.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        Optional<Optional<SecretKey>> stored = load(subject);
        if (stored.isPresent()) {
            return stored.get();
        }
        SecretKey created = Aead.newKey();
        int inserted = jdbc.update("insert into data_subject_key (subject_kind, subject_id, wrapped_key, "
                        + "master_key_id) values (?, ?, ?, ?) on conflict do nothing", subject.kind().name(),
                subject.id(), masterKeys.wrap(created, subject), masterKeys.currentId());
        if (inserted == 0) {
            // another transaction stored the person's first key meanwhile
            return load(subject).orElseThrow();
        }
        Optional<SecretKey> key = Optional.of(created);
        afterCommit(() -> keys.put(subject, key));
        return key;
    }

    /**
     * The key to decrypt the subject's data with; empty once the subject is erased. An erasure always leaves the
     * subject's row, so a subject without one is a key whose transaction has not committed yet: with Axon Server
     * the events are sent before the command's PostgreSQL transaction commits, and a processor may read them in
     * between. It is waited for, {@link #KEY_COMMIT_PATIENCE} at most (the transaction failed after the events were
     * sent, if it never comes: the values are then unreadable, as erased ones are).
     */
    Optional<SecretKey> keyForReading(DataSubject subject) {
        Optional<SecretKey> cached = keys.getIfPresent(subject);
        if (cached != null) {
            return cached;
        }
        long deadline = System.nanoTime() + KEY_COMMIT_PATIENCE.toNanos();
        Optional<Optional<SecretKey>> stored = load(subject);
        while (stored.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            stored = load(subject);
        }
        return stored.orElse(ERASED);
    }

    @Override
    public boolean erased(DataSubject subject) {
        return erasedAt(subject).isPresent();
    }

    /** When the subject's key was erased; empty while it is not. */
    public Optional<Instant> erasedAt(DataSubject subject) {
        return jdbc.query("select erased_at from data_subject_key where subject_kind = ? and subject_id = ? "
                        + "and erased_at is not null", (rs, row) -> rs.getTimestamp(1).toInstant(),
                subject.kind().name(), subject.id()).stream().findFirst();
    }

    @Override
    public boolean erase(DataSubject subject) {
        int erased = jdbc.update("insert into data_subject_key (subject_kind, subject_id, erased_at) "
                + "values (?, ?, now()) on conflict (subject_kind, subject_id) do update "
                + "set wrapped_key = null, master_key_id = null, erased_at = now() "
                + "where data_subject_key.erased_at is null", subject.kind().name(), subject.id());
        forget(subject);
        afterCommit(() -> forget(subject));
        return erased > 0;
    }

    /** Has {@code listener} told of every erasure, as it is made and once it commits. */
    void onErasure(Runnable listener) {
        erasureListeners.add(listener);
    }

    private void forget(DataSubject subject) {
        keys.invalidate(subject);
        erasureListeners.forEach(Runnable::run);
    }

    /** Registers {@code recordKind}'s record {@code recordId} as being about {@code subject}. */
    void registerRecord(String recordKind, String recordId, DataSubject subject) {
        jdbc.update("insert into data_subject_record (record_kind, record_id, subject_kind, subject_id) "
                + "values (?, ?, ?, ?) on conflict do nothing", recordKind, recordId, subject.kind().name(), subject.id());
    }

    /** The subject a record was registered as being about, if any. */
    Optional<DataSubject> subjectOfRecord(String recordKind, String recordId) {
        List<String> record = List.of(recordKind, recordId);
        DataSubject cached = records.getIfPresent(record);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DataSubject> found = jdbc.query("select subject_kind, subject_id from data_subject_record "
                        + "where record_kind = ? and record_id = ?",
                (rs, row) -> new DataSubject(DataSubjectKind.valueOf(rs.getString(1)), rs.getString(2)),
                recordKind, recordId).stream().findFirst();
        found.ifPresent(subject -> afterCommit(() -> records.put(record, subject)));
        return found;
    }

    /** Rewraps the keys wrapped by a previous master key with the current one; the number rewrapped. */
    int rewrapWithCurrentMasterKey() {
        record Wrapped(DataSubject subject, String masterKeyId, byte[] key) {
        }
        List<Wrapped> stale = jdbc.query("select subject_kind, subject_id, master_key_id, wrapped_key "
                        + "from data_subject_key where wrapped_key is not null and master_key_id <> ?",
                (rs, row) -> new Wrapped(new DataSubject(DataSubjectKind.valueOf(rs.getString(1)), rs.getString(2)),
                        rs.getString(3), rs.getBytes(4)), masterKeys.currentId());
        for (Wrapped wrapped : stale) {
            SecretKey key = masterKeys.unwrap(wrapped.masterKeyId(), wrapped.key(), wrapped.subject());
            jdbc.update("update data_subject_key set wrapped_key = ?, master_key_id = ? "
                            + "where subject_kind = ? and subject_id = ? and master_key_id = ?",
                    masterKeys.wrap(key, wrapped.subject()), masterKeys.currentId(), wrapped.subject().kind().name(),
                    wrapped.subject().id(), wrapped.masterKeyId());
        }
        return stale.size();
    }

    private Optional<Optional<SecretKey>> load(DataSubject subject) {
        record Stored(byte[] key, String masterKeyId) {
        }
        Optional<Stored> stored = jdbc.query("select wrapped_key, master_key_id from data_subject_key "
                        + "where subject_kind = ? and subject_id = ?",
                (rs, row) -> new Stored(rs.getBytes(1), rs.getString(2)), subject.kind().name(), subject.id())
                .stream().findFirst();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretKey> key = stored.get().key() == null ? ERASED
                : Optional.of(masterKeys.unwrap(stored.get().masterKeyId(), stored.get().key(), subject));
        afterCommit(() -> keys.put(subject, key));
        return Optional.of(key);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
