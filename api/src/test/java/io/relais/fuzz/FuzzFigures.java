package io.relais.fuzz;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a fuzz run sent and got back, and the broken invariants, each kept once with its first request. */
final class FuzzFigures {

    private final long started = System.nanoTime();
    private final Map<String, Integer> byStatusClass = new TreeMap<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, int[]> byOperation = new TreeMap<>();
    private final Map<String, Violation> violations = new LinkedHashMap<>();
    private final Map<String, Integer> unmutated = new TreeMap<>();
    private int requests;
    private int unsendable;

    /** A broken invariant: what, the first request that broke it, its answer, and how often it happened. */
    record Violation(String fault, FuzzRequest request, String answer, int count) {
        @Override
        public String toString() {
            return fault + " (" + count + "×), first by:\n  " + request.toString().replace("\n", "\n  ")
                    + "\n  answer: " + answer;
        }
    }

    /**
     * Counts an answer. Those to unmutated requests are also counted by problem type: they show how often the
     * generator's valid-looking requests are really accepted, so that bad values reach the events.
     */
    void answered(FuzzRequest request, int status, String problemType) {
        if (request.mutations().isEmpty()) {
            unmutated.merge(status < 400 ? status / 100 + "xx" : status + " " + problemType, 1, Integer::sum);
        }
        requests++;
        byStatusClass.merge(status / 100 + "xx", 1, Integer::sum);
        byStatus.merge(status, 1, Integer::sum);
        int[] counts = byOperation.computeIfAbsent(request.operation().toString(), o -> new int[6]);
        counts[0]++;
        counts[Math.min(status / 100, 5)]++;
    }

    /** A request the HTTP client itself refuses to send (an illegal header value, say): not the engine's fault. */
    void unsendable() {
        unsendable++;
    }

    /**
     * Counts a broken invariant. Those of a single operation are kept apart per operation; the others (an
     * answer from the servlet container, say) are one defect whichever operation showed it.
     */
    void violated(String fault, String kind, boolean ofTheOperation, FuzzRequest request, String answer) {
        violations.merge(ofTheOperation ? request.operation() + " → " + kind : "any operation → " + kind, new Violation(fault, request, answer, 1),
                (first, again) -> new Violation(first.fault(), first.request(), first.answer(), first.count() + 1));
    }

    Map<String, Violation> violations() {
        return violations;
    }

    int requests() {
        return requests;
    }

    String report() {
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        String operations = byOperation.entrySet().stream()
                .map(e -> String.format("  %-70s %6d  (2xx %d, 4xx %d, 5xx %d)", e.getKey(), e.getValue()[0],
                        e.getValue()[2], e.getValue()[4], e.getValue()[5]))
                .collect(Collectors.joining("\n"));
        String unmutatedOutcomes = unmutated.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return String.format("Fuzzed %d requests in %d s (%.0f/s), %d the HTTP client would not send%n"
                        + "by status class %s%nby status %s%nunmutated requests by outcome: %s%n"
                        + "by operation (%d):%n%s%nbroken invariants: %d distinct",
                requests, duration.toSeconds(), requests / Math.max(duration.toMillis() / 1000.0, 0.001), unsendable,
                byStatusClass, byStatus, unmutatedOutcomes, byOperation.size(), operations, violations.size());
    }
}
