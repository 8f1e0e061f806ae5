package io.relais.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reads of one record answered after each of its changes, to check that the same reads with {@code asOf} (an
 * instant between that change and the next) and with {@code version} answer the same, body and {@code ETag}.
 */
public final class RecordMoments {

    /** What one read answered at one moment: its status, ETag (null without) and body. */
    private record Answer(int status, String etag, JsonNode body) {

        static Answer of(HttpApi.Response response) {
            return new Answer(response.status(), response.header("ETag"), response.body());
        }
    }

    private record Moment(long version, Instant after, Map<String, Answer> answers) {
    }

    private final HttpApi api;
    private final Instant beforeCreation = Instant.now();
    private final List<String> paths = new ArrayList<>();
    private final List<Moment> moments = new ArrayList<>();

    /** Starts before the record is created; the reads are named once it is ({@link #reads}). */
    public RecordMoments(HttpApi api) {
        this.api = api;
    }

    /**
     * The reads to record.
     *
     * @param recordPath the record's path, whose {@code ETag} is its version
     * @param morePaths  other reads that take asOf and version (an account's contacts)
     */
    public RecordMoments reads(String recordPath, String... morePaths) {
        paths.add(recordPath);
        paths.addAll(List.of(morePaths));
        return this;
    }

    /** Reads the record (and the other reads) as they are now, after a change. */
    public void record() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String path : paths) {
            Answer answer = Answer.of(api.get(path));
            assertThat(answer.status()).as(path).isEqualTo(200);
            answers.put(path, answer);
        }
        long version = Long.parseLong(answers.get(paths.get(0)).etag().replace("\"", ""));
        moments.add(new Moment(version, Instant.now(), answers));
    }

    /** The versions recorded, oldest first. */
    public List<Long> versions() {
        return moments.stream().map(Moment::version).toList();
    }

    /**
     * Checks that each recorded moment reads the same asOf an instant after it (and before the next change) and at
     * its version, and that the record read before its creation is not found.
     */
    public void assertEachMomentReadsTheSame() {
        assertThat(moments).hasSizeGreaterThanOrEqualTo(2);
        for (Moment moment : moments) {
            moment.answers().forEach((path, answer) -> {
                assertThat(Answer.of(api.get(path + "?asOf=" + moment.after())))
                        .as(path + " asOf " + moment.after()).isEqualTo(answer);
                assertThat(Answer.of(api.get(path + "?version=" + moment.version())))
                        .as(path + " at version " + moment.version()).isEqualTo(answer);
            });
        }
        for (String path : paths) {
            assertThat(api.get(path + "?asOf=" + beforeCreation).status()).as(path + " before creation")
                    .isEqualTo(404);
        }
    }
}
