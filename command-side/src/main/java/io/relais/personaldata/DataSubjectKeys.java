package io.relais.personaldata;

/** The persons' keys, as the command side needs them: erasing one, and knowing whether it was (ADR 013). */
public interface DataSubjectKeys {

    /** Deletes the subject's key for good, in the command's transaction; {@code false} if it was already erased. */
    boolean erase(DataSubject subject);

    /** Whether the subject's key was erased. */
    boolean erased(DataSubject subject);
}
