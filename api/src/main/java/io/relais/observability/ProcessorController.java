package io.relais.observability;

import io.relais.common.Fields;
import io.relais.security.CurrentUser;
import io.relais.web.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The event processors, for operators (and analysts, who read). */
@RestController
@RequestMapping("/api/v1/admin/processors")
@Tag(name = "Processors", description = "The event processors that build the read models and run the processes")
public class ProcessorController {

    private static final int MAX_LETTERS = 1000;

    private final Processors processors;
    private final Rebuilds rebuilds;
    private final DeadLetters deadLetters;

    ProcessorController(Processors processors, Rebuilds rebuilds, DeadLetters deadLetters) {
        this.processors = processors;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    /** A projection's dead letters, the first {@code MAX_LETTERS} of {@code total}. */
    public record DeadLetterList(String processor, long total, List<DeadLetterView> deadLetters) {
    }

    /** What a retry did: the sequences applied entirely, and the dead letters left. */
    public record RetryResult(int sequencesApplied, long deadLettersLeft) {
    }

    /** Which dead letters to try again: the sequence of one event, or all when none is named. */
    public record RetryRequest(@Nullable String eventId) {
    }

    /** Which dead letter to evict for good, and why (1 to 500 characters, kept in the organisation's history). */
    public record EvictionRequest(String eventId, String reason) {
    }

    /** The dead letters left after an eviction. */
    public record EvictionResult(long deadLettersLeft) {
    }

    /** Every processor of this engine, by name. */
    public record ProcessorList(List<ProcessorView> processors) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ANALYST')")
    @Operation(summary = "The event processors", description = "Administrators and analysts. Each processor with "
            + "its kind, mode and status, each segment with the node that processes it and how far it got, the "
            + "processor's position, the store's head, its lag in events and in seconds, its pace, whether it is "
            + "being rebuilt and how far, and its dead letters.")
    public ProcessorList list() {
        return new ProcessorList(processors.all());
    }

    @PostMapping("/{name}/rebuild")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Answer(status = 202, headers = HttpHeaders.LOCATION)
    @Operation(summary = "Rebuild a projection", description = "Administrators. Empties the projection's tables and "
            + "dead letters and replays the whole store into them while the engine keeps serving; follow it in the "
            + "list. Meanwhile every answer of the API carries a Relais-Rebuilding header naming the projections "
            + "being rebuilt and how far they got. Asking again while it is rebuilt changes nothing. A process "
            + "manager is never rebuilt (409 not-replayable).")
    public ResponseEntity<ProcessorView> rebuild(@PathVariable String name) {
        rebuilds.rebuild(name, CurrentUser.id());
        ProcessorView rebuilding = processors.all().stream().filter(processor -> processor.name().equals(name))
                .findFirst().orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/processors")).body(rebuilding);
    }

    @GetMapping("/{name}/dead-letters")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ANALYST')")
    @Operation(summary = "A projection's dead letters", description = "Administrators and analysts. The events it "
            + "set aside because applying them failed, a record's in order (the first failed, those after it wait "
            + "behind it), each with when it was set aside, last tried and why; at most 1000, with the total.")
    public DeadLetterList deadLetters(@PathVariable String name) {
        List<DeadLetterView> letters = deadLetters.list(name, MAX_LETTERS);
        return new DeadLetterList(name, deadLetters.size(name), letters);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Try dead letters again", description = "Administrators, once the cause is mended (usually "
            + "by a release). With eventId, the sequence holding that event, from its first letter; without, every "
            + "sequence. A letter that fails again stays, with its new cause.")
    public RetryResult retry(@PathVariable String name, @RequestBody(required = false) RetryRequest request) {
        int applied = deadLetters.retry(name, request == null ? null : request.eventId());
        return new RetryResult(applied, deadLetters.size(name));
    }

    @PostMapping("/{name}/dead-letters/eviction")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Evict a dead letter", description = "Administrators. Takes one event out of the "
            + "projection's dead letters for good: the projection will never apply it (until it is rebuilt), and the "
            + "letters queued behind it are tried at the next retry. The eviction is recorded, with its reason, as "
            + "a DeadLetterEvicted event of the organisation (the audit view's ORGANISATION record), in the same "
            + "transaction. An eventId no letter holds is 400 unknown-dead-letter; a missing or too long reason 400.")
    public EvictionResult evict(@PathVariable String name, @RequestBody EvictionRequest request) {
        deadLetters.evict(name, Fields.present("eventId", request.eventId()), request.reason());
        return new EvictionResult(deadLetters.size(name));
    }
}
