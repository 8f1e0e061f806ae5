package io.relais.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.relais.eventstore.ChainBreak;
import io.relais.eventstore.ChainedRow;
import io.relais.eventstore.StreamChainCheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * {@code java -jar relais.jar audit verify --events=FILE --public-key=FILE}: checks an export of the event store
 * ({@link StoreExport}) with the public key of its seals, without the database and without the engine: the same
 * checks as {@code POST /api/v1/audit/verifications}. Exits 0 when intact, 1 when not, 2 when it cannot read its
 * input.
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OfflineVerifier() {
    }

    /** Whether {@code args} ask for the offline verifier (then the engine does not start). */
    public static boolean asked(String[] args) {
        return args.length >= 2 && args[0].equals("audit") && args[1].equals("verify");
    }

    /** Runs it with the command line's arguments; the exit status. */
    public static int run(String[] args, PrintStream out) {
        Path events = null;
        Path publicKey = null;
        for (String argument : args) {
            if (argument.startsWith("--events=")) {
                events = Path.of(argument.substring("--events=".length()));
            } else if (argument.startsWith("--public-key=")) {
                publicKey = Path.of(argument.substring("--public-key=".length()));
            }
        }
        if (events == null || publicKey == null) {
            out.println("Usage: java -jar relais.jar audit verify --events=FILE --public-key=FILE");
            return 2;
        }
        try {
            Verification verification = verify(events, Files.readString(publicKey));
            out.println(JSON.writeValueAsString(verification));
            return verification.intact() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Verifies the export in {@code file} with the seals' public key. */
    public static Verification verify(Path file, String publicKeyPem) throws IOException {
        List<ChainedRow> rows = new ArrayList<>();
        List<StoredSeal> seals = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                if (entry.has("event")) {
                    rows.add(row(entry.get("event")));
                } else if (entry.has("seal")) {
                    seals.add(seal(entry.get("seal")));
                } else {
                    throw new IOException("Not a line of an event store export: " + line);
                }
            }
        }
        NavigableMap<Long, SealedEvent> byPosition = new TreeMap<>();
        rows.forEach(row -> byPosition.put(row.position(), new SealedEvent(row.position(), row.aggregateId(),
                row.sequenceNumber(), row.hash())));
        StreamChainCheck streams = new StreamChainCheck();
        rows.stream().sorted(Comparator.comparing(ChainedRow::aggregateId).thenComparing(ChainedRow::sequenceNumber))
                .forEach(streams::accept);
        long upper = Math.max(byPosition.isEmpty() ? 0 : byPosition.lastKey(),
                seals.stream().mapToLong(StoredSeal::toPosition).max().orElse(0));
        SealCheck sealCheck = new SealCheck(publicKeyPem, 0, upper);
        seals.stream().sorted(Comparator.comparing(StoredSeal::number)).forEach(seal -> sealCheck.accept(seal,
                List.copyOf(byPosition.subMap(seal.fromPosition(), false, seal.toPosition(), true).values())));
        List<VerificationProblem> problems = new ArrayList<>();
        for (ChainBreak broken : streams.breaks()) {
            problems.add(new VerificationProblem(broken.recordId(), broken.sequenceNumber(), broken.position(), null,
                    broken.reason()));
        }
        problems.addAll(sealCheck.problems());
        problems.sort(Comparator.comparing(VerificationProblem::position, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Verification(problems.isEmpty(), 0, upper, streams.checked(), sealCheck.checked(),
                sealCheck.sealedUpTo(), problems);
    }

    private static ChainedRow row(JsonNode event) {
        return new ChainedRow(event.get("position").asLong(), text(event, "type"), text(event, "aggregateId"),
                event.get("sequenceNumber").asLong(), text(event, "eventId"), text(event, "timestamp"),
                text(event, "payloadType"), text(event, "payloadRevision"), text(event, "payload"),
                text(event, "metaData"), bytes(event, "hash"));
    }

    private static StoredSeal seal(JsonNode seal) {
        return new StoredSeal(seal.get("sealNumber").asLong(), seal.get("fromPosition").asLong(),
                seal.get("toPosition").asLong(), seal.get("eventCount").asInt(), bytes(seal, "events"),
                bytes(seal, "previousSealHash"), bytes(seal, "sealHash"), bytes(seal, "signature"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Base64.getDecoder().decode(value);
    }
}
