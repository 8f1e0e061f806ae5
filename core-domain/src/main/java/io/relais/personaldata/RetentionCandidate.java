package io.relais.personaldata;

import java.time.Instant;

/**
 * A person past their retention period: their last contact (the last change to their record or the last
 * activity about them) and the company they belong to.
 */
public record RetentionCandidate(DataSubjectKind kind, String id, Instant lastContactAt, String company) {
}
