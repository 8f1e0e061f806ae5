package io.relais.personaldata;

import io.relais.common.Page;

import java.util.List;

/** A page of people past their retention period, longest without contact first. */
public record RetentionCandidatePage(List<RetentionCandidate> content, int page, int size, long totalElements)
        implements Page<RetentionCandidate> {
}
