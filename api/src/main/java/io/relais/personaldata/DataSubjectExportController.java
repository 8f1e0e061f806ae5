package io.relais.personaldata;

import io.relais.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The subject access request (docs/personal-data.md). */
@RestController
@RequestMapping("/api/v1/data-subjects")
@Tag(name = "Personal data")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class DataSubjectExportController {

    private final DataSubjectExports exports;

    public DataSubjectExportController(DataSubjectExports exports) {
        this.exports = exports;
    }

    @GetMapping("/{kind}/{id}/export")
    @PreAuthorize(DataSubjectController.DATA_PROTECTION)
    @Operation(summary = "Everything Relais holds about a person (subject access request)", description = "Data "
            + "stewards and administrators. The lead or the contact as it is now (a lead's consent included), the "
            + "activities about a contact, and every event of their record and of those activities with each "
            + "value before and after, decrypted; samePerson names the other record of the same person (the "
            + "contact a lead became, the lead a contact came from), to export too. After an erasure the personal "
            + "values are null and erasedAt says since when.")
    public DataSubjectExport export(@PathVariable DataSubjectKind kind, @PathVariable String id) {
        return exports.export(new DataSubject(kind, id), CurrentUser.viewer());
    }
}
