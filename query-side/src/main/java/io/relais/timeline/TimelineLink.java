package io.relais.timeline;

/** {@code memberId}'s history is part of {@code recordId}'s. */
record TimelineLink(String recordId, String memberId) {
}
