package io.relais.common;

import org.junit.jupiter.params.provider.Arguments;

import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Cases for the fixture tests of commands that carry an expected version (the client's {@code If-Match}). */
public final class ExpectedVersions {

    private ExpectedVersions() {
    }

    /**
     * Each of {@code cases} once with each version a client may expect of a record at {@code current}: a stale
     * one, the current one and one the record has not reached. The version is the last argument.
     */
    public static Stream<Arguments> staleCurrentAndFuture(Stream<Arguments> cases, long current) {
        return cases.flatMap(c -> LongStream.of(current - 1, current, current + 1).mapToObj(version -> {
            Object[] arguments = Arrays.copyOf(c.get(), c.get().length + 1);
            arguments[arguments.length - 1] = version;
            return Arguments.of(arguments);
        }));
    }
}
