package io.relais.personaldata;

import io.relais.common.PageRequest;
import io.relais.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rights of the people whose data Relais holds: leads and contacts (docs/personal-data.md). */
@RestController
@RequestMapping("/api/v1/data-subjects")
@Tag(name = "Personal data", description = "Erasure of a person's data (leads and contacts)")
public class DataSubjectController {

    static final String DATA_PROTECTION = "hasAnyRole('DATA_STEWARD', 'ADMINISTRATOR')";

    private final DataSubjectErasures erasures;
    private final Retention retention;

    public DataSubjectController(DataSubjectErasures erasures, Retention retention) {
        this.erasures = erasures;
        this.retention = retention;
    }

    @PostMapping(path = "/{kind}/{id}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase a person's data for good", description = "Data stewards and administrators. "
            + "Deletes the person's key: their personal values read as null in every record, list, history and "
            + "replay from then on; the records themselves stay. A lead converted into a contact is one person "
            + "with it: the other is erased right after, for the same request. Erasing again answers the first "
            + "erasure.")
    public DataSubjectErasure erase(@PathVariable DataSubjectKind kind, @PathVariable String id,
                                    @RequestBody ErasureRequest request) {
        return erasures.erase(new DataSubject(kind, id), request, CurrentUser.viewer());
    }

    @GetMapping("/retention")
    @PreAuthorize(DATA_PROTECTION)
    @Operation(summary = "Who the daily retention erasure would erase now (a dry run)", description = "Data "
            + "stewards and administrators. Leads and contacts of prospect accounts without contact for longer than "
            + "their retention period (relais.personal-data.retention), longest without contact first.")
    public RetentionCandidatePage retention(PageRequest page) {
        return retention.due(page);
    }
}
