package io.relais.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.InvalidFieldException;
import io.relais.eventstore.EventTypes;
import io.relais.eventstream.EventStream;
import io.relais.eventstream.StreamedEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * {@code export events --out=FILE [--after=POSITION] [--types=A,B]}: the event stream (docs/events.md) written to
 * a file, as JSON Lines ({@code .ndjson}), gzipped JSON Lines ({@code .ndjson.gz}) or CSV ({@code .csv}, the
 * metadata and payload as JSON in their columns). Reads the store up to the position stable at the start, a page
 * at a time; the file appears complete or not at all (it is written beside it, then renamed).
 */
public final class EventExport {

    static final String USAGE = "java -jar relais.jar export events --out=FILE.ndjson|FILE.ndjson.gz|FILE.csv "
            + "[--after=POSITION] [--types=LeadCaptured,OpportunityWon]";
    private static final int PAGE = 10_000;
    private static final String[] CSV_COLUMNS = {"position", "eventId", "type", "payloadType", "payloadRevision",
            "recordType", "recordId", "aggregateType", "aggregateId", "sequenceNumber", "timestamp", "metaData",
            "payload", "personalDataErased"};

    /** What an export wrote. */
    public record Exported(long events, long afterPosition, long upToPosition, long bytes, double seconds) {
    }

    private EventExport() {
    }

    static int run(ToolArguments arguments, PrintStream out, boolean terminal) {
        if (!"events".equals(arguments.word(1))) {
            throw new UsageException("export what? Only events: " + USAGE);
        }
        Path file = arguments.path("out");
        Format format = Format.of(file);
        long after = arguments.position("after");
        try (ToolContext tool = ToolContext.start(arguments, Set.of(), true)) {
            tool.requireEventsInPostgreSql("export events");
            Set<String> payloadTypes;
            try {
                payloadTypes = tool.bean(EventTypes.class).storedTypes("types", arguments.list("types"));
            } catch (InvalidFieldException e) {
                throw new UsageException(e.getMessage());
            }
            EventStream stream = tool.bean(EventStream.class);
            long upTo = stream.stablePosition();
            Exported exported = write(stream, tool.bean(ObjectMapper.class), file, format, after, upTo, payloadTypes,
                    new Progress(out, terminal, after, upTo));
            out.printf("Exported %,d events (store positions %d to %d) to %s: %,.1f MB in %.1f s, %,.0f events/s%n",
                    exported.events(), exported.afterPosition(), exported.upToPosition(), file,
                    exported.bytes() / 1e6, exported.seconds(), exported.events() / Math.max(exported.seconds(), 1e-3));
            return 0;
        }
    }

    /** Exports the events after {@code after} up to {@code upTo} of these types (all when empty) to {@code file}. */
    public static Exported write(EventStream stream, ObjectMapper json, Path file, long after, long upTo,
                                 Set<String> payloadTypes) {
        return write(stream, json, file, Format.of(file), after, upTo, payloadTypes,
                new Progress(System.out, false, after, upTo));
    }

    private static Exported write(EventStream stream, ObjectMapper json, Path file, Format format, long after,
                                  long upTo, Set<String> payloadTypes, Progress progress) {
        long[] events = {0};
        long[] position = {after};
        Tools.writeWhole(file, part -> {
            try (Writer writer = format.open(Files.newOutputStream(part), json)) {
                int read;
                do {
                    int[] page = {0};
                    stream.read(new EventStream.Query(position[0], upTo, PAGE, payloadTypes, null), event -> {
                        writer.write(event);
                        position[0] = event.position();
                        page[0]++;
                    });
                    read = page[0];
                    events[0] += read;
                    progress.update(events[0], read == PAGE ? position[0] : upTo);
                } while (read == PAGE);
            }
        });
        try {
            return new Exported(events[0], after, upTo, Files.size(file), progress.finish());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file formats, told by the file's name. */
    enum Format {
        NDJSON_GZ(".ndjson.gz"), NDJSON(".ndjson"), CSV(".csv");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }

        static Format of(Path file) {
            String name = file.getFileName().toString();
            for (Format format : values()) {
                if (name.endsWith(format.suffix) && name.length() > format.suffix.length()) {
                    return format;
                }
            }
            throw new UsageException("The file's name says its format: .ndjson, .ndjson.gz or .csv (" + name + ")");
        }

        Writer open(OutputStream file, ObjectMapper json) throws IOException {
            OutputStream out = this == NDJSON_GZ ? new GZIPOutputStream(file, 1 << 16)
                    : new BufferedOutputStream(file, 1 << 16);
            if (this == CSV) {
                CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
                return new Writer() {
                    @Override
                    public void write(StreamedEvent event) {
                        try {
                            csv.printRecord(event.position(), event.eventId(), event.type(), event.payloadType(),
                                    event.payloadRevision(), event.recordType(), event.recordId(),
                                    event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                                    event.timestamp(), json.writeValueAsString(event.metaData()),
                                    json.writeValueAsString(event.payload()), event.personalDataErased());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        csv.close(true);
                    }
                };
            }
            JsonGenerator lines = json.getFactory().createGenerator(out);
            lines.setRootValueSeparator(null);
            return new Writer() {
                @Override
                public void write(StreamedEvent event) {
                    event.writeLine(lines);
                }

                @Override
                public void close() throws IOException {
                    lines.close();
                }
            };
        }
    }

    private interface Writer extends Closeable {
        void write(StreamedEvent event);
    }
}
