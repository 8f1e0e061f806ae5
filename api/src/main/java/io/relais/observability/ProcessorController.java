package io.relais.observability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The event processors, for operators (and analysts, who read). */
@RestController
@RequestMapping("/api/v1/admin/processors")
@Tag(name = "Processors", description = "The event processors that build the read models and run the processes")
public class ProcessorController {

    private final Processors processors;

    ProcessorController(Processors processors) {
        this.processors = processors;
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
}
