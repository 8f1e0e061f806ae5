package io.relais.register;

import io.relais.common.FieldChange;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.util.List;

/**
 * What a company register says of an account: the establishment found, and the account's fields it fills or changes
 * (each with the account's value and the register's), applied or not.
 *
 * @param lookedUpBy how the establishment was found: by a SIRET (the account's, or the one asked for), the account's
 *                   SIREN (the head office), or its legal name in its billing postal code; NOTHING when the account
 *                   gives none of them
 * @param matches    the establishments found, best first (a search by name finds up to five): the changes are the
 *                   first one's; empty when none was found
 * @param applied    whether the changes were made (by a data steward asking for it)
 * @param version    the account's version once they were; null when they were not
 */
public record Enrichment(String accountId, String register, LookedUpBy lookedUpBy, List<RegisteredCompany> matches,
                         @Schema(description = "Each field the register fills or changes: the account's value "
                                 + "(oldValue) and the register's (newValue), as the account's history writes them")
                         List<FieldChange> changes,
                         boolean applied,
                         @Nullable Long version) {

    public enum LookedUpBy {
        SIRET,
        SIREN,
        NAME_AND_POSTAL_CODE,
        NOTHING
    }
}
