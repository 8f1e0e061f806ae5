package io.relais.imports;

import io.relais.export.ExportParameters;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** An import's form: its file, and what to do with it. */
public record ImportRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                description = "The CSV file: a header line naming the columns, then a row per record")
        MultipartFile file,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What the rows hold") ImportKind kind,
        @Schema(description = "Where the file comes from (a partner, a trade fair): each record's source detail; "
                + "by default the file's name", example = "Salon Lyon 2026", maxLength = 200) String source,
        @Schema(description = "A JSON object naming each column's field where its header does not say it: "
                + "{\"Nom complet\": \"lastName\", \"Interne\": \"\"} (an empty field leaves the column out)",
                example = "{\"Mél\": \"email\"}") String mapping,
        @Schema(description = "true: check every row and answer what the import would do, writing nothing")
        Boolean dryRun,
        @Schema(description = "A column whose value identifies a row's record across files (a partner's own "
                + "id): a row with a key already imported is not imported again. By default the file and the row "
                + "identify it") String keyColumn,
        @Schema(description = "Who the records go to (a sales manager's import: themselves or someone below "
                + "them, by default themselves); by default the territory rules route them") String ownerId,
        @Schema(description = "SEMICOLON or COMMA; by default the header line's") ExportParameters.Separator separator,
        @Schema(description = "The file's encoding; by default UTF-8 when it reads as such, else WINDOWS_1252")
        FileEncoding encoding) {

    /** The encodings an import reads. */
    public enum FileEncoding {
        UTF_8(StandardCharsets.UTF_8),
        WINDOWS_1252(CsvTable.WINDOWS_1252);

        private final Charset charset;

        FileEncoding(Charset charset) {
            this.charset = charset;
        }

        Charset charset() {
            return charset;
        }
    }
}
