package io.relais.register;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * An establishment as a company register holds it, with what it says of its company.
 *
 * @param name          the company's legal name, else the establishment's usual name or sign
 * @param street        number, type and name of the street, as one line; null when the register does not publish it
 *                      (an individual entrepreneur who asked for it)
 * @param headcountBand the register's headcount band (SIRENE's {@code tranche d'effectifs}: "12" is 20 to 49
 *                      employees); null when unknown
 * @param headcount     what that band says, in words
 * @param active        whether the establishment is open
 */
public record RegisteredCompany(
        String siret,
        String siren,
        @Nullable String name,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String city,
        @Schema(description = "ISO 3166-1 alpha-2") String country,
        @Nullable @Schema(example = "62.01Z") String nafCode,
        @Nullable @Schema(example = "12") String headcountBand,
        @Nullable @Schema(example = "20 to 49 employees") String headcount,
        boolean headOffice,
        boolean active) {

    /** SIRENE's headcount bands ({@code tranches d'effectifs salariés}), in words. */
    static String headcount(String band) {
        if (band == null) {
            return null;
        }
        return switch (band) {
            case "00" -> "no employee";
            case "01" -> "1 or 2 employees";
            case "02" -> "3 to 5 employees";
            case "03" -> "6 to 9 employees";
            case "11" -> "10 to 19 employees";
            case "12" -> "20 to 49 employees";
            case "21" -> "50 to 99 employees";
            case "22" -> "100 to 199 employees";
            case "31" -> "200 to 249 employees";
            case "32" -> "250 to 499 employees";
            case "41" -> "500 to 999 employees";
            case "42" -> "1,000 to 1,999 employees";
            case "51" -> "2,000 to 4,999 employees";
            case "52" -> "5,000 to 9,999 employees";
            case "53" -> "10,000 employees or more";
            default -> null;
        };
    }

    /** A band SIRENE knows, else null ("NN", blank: unknown). */
    static String band(String code) {
        return headcount(code) == null ? null : code;
    }
}
