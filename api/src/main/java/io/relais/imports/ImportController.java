package io.relais.imports;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.security.CurrentUser;
import io.relais.web.Answer;
import io.relais.web.RecordPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.net.URI;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Files of leads, or of accounts with their contacts, imported in bulk")
public class ImportController {

    static final String CSV = "text/csv";

    private final Imports imports;

    public ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Answer(status = 200)
    @Answer(status = 202, headers = HttpHeaders.LOCATION)
    @Operation(summary = "Import a file", description = "Administrators, data stewards, and sales managers (into "
            + "their subtree). Reads the file (README, \"Importing files\": encodings, separators, headers), checks its "
            + "header and answers 202 at once with the import, which goes on in the background: follow it at "
            + "Location. Each row's records are made by the same rules as through the API, by system:import on "
            + "behalf of the caller, with the import's id as correlation id; duplicates are flagged, never blocked. "
            + "Importing the same rows again creates nothing twice. With dryRun=true, answers 200 with what the "
            + "import would do (status CHECKED) and the refused rows, writing nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ImportRequest.class))))
    public ResponseEntity<ImportView> start(@Parameter(hidden = true) @ModelAttribute ImportRequest request)
            throws IOException {
        MultipartFile file = request.file();
        if (file == null) {
            throw new InvalidFieldException("file", "required", "file is required: the CSV to import");
        }
        String user = CurrentUser.id();
        if (Boolean.TRUE.equals(request.dryRun())) {
            return ResponseEntity.ok(imports.check(file.getOriginalFilename(), file.getBytes(), request, user));
        }
        ImportView started = imports.start(file.getOriginalFilename(), file.getBytes(), request, user);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + started.id())).body(started);
    }

    @GetMapping
    @Operation(summary = "List imports", description = "The caller's imports, newest first; every import for "
            + "the profiles that see everything (administrators, data stewards, auditors, analysts).")
    public ImportPage list(PageRequest page) {
        return imports.list(CurrentUser.id(), page);
    }

    @GetMapping("/" + RecordPaths.ID)
    @Operation(summary = "An import and how far it has gone", description = "For who imported it and the "
            + "profiles that see everything: its status, its rows read, created, refused and already imported, "
            + "percent and time left.")
    public ImportView get(@PathVariable String id) {
        return imports.view(id, CurrentUser.id());
    }

    @GetMapping(path = "/{id}/errors", produces = CSV)
    @Operation(summary = "An import's refused rows", description = "CSV in the file's separator, UTF-8 with a byte "
            + "order mark: each refused row's line, column and problem, then the row as the file had it. Fix the "
            + "rows and import this file again: its first three columns are left out.")
    public ResponseEntity<StreamingResponseBody> errors(@PathVariable String id) {
        StreamingResponseBody file = imports.refusals(id, CurrentUser.id());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-" + id + "-errors.csv").build().toString())
                .body(file);
    }
}
