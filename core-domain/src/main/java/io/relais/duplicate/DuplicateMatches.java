package io.relais.duplicate;

import java.util.List;

/**
 * The likely duplicates of a probe, most likely first, as a query answers them: a record, so that the answer keeps
 * its type through any serializer.
 */
public record DuplicateMatches(List<DuplicateMatch> matches) {
}
