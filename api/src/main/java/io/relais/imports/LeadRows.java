package io.relais.imports;

import io.relais.common.InvalidFieldException;
import io.relais.lead.CaptureLead;
import io.relais.lead.ConsentChannel;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadField;
import io.relais.lead.LeadSource;
import io.relais.lead.MarketingConsent;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A file's rows as leads: each row a {@link CaptureLead} from a partner file, checked by the same rules as a lead
 * captured through the API when it is sent (and by {@link CaptureLead#captured} in a dry run).
 */
final class LeadRows {

    static final String CONSENT = "consent";
    static final String CONSENT_DATE = "consentDate";
    static final String CONSENT_CHANNEL = "consentChannel";

    /** Each field an import fills, with the headers that name it unless the request maps another. */
    static final Map<String, List<String>> USUAL_HEADERS = usualHeaders();

    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "true", "vrai", "1", "x");
    private static final Set<String> NO = Set.of("non", "n", "no", "false", "faux", "0");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Map<String, String> COUNTRIES = countryNames();

    private LeadRows() {
    }

    /** The command capturing the lead in {@code values} (by field); refused as a row's field. */
    static CaptureLead capture(String leadId, Map<String, String> values, String sourceDetail, String ownerId) {
        Map<LeadField, String> details = new HashMap<>();
        for (LeadField field : LeadField.values()) {
            details.put(field, values.get(field.fieldName()));
        }
        details.computeIfPresent(LeadField.COUNTRY, (field, value) -> COUNTRIES.getOrDefault(
                ColumnMapping.normalised(value), value));
        LeadDetails lead = new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null);
        for (Map.Entry<LeadField, String> detail : details.entrySet()) {
            lead = detail.getKey().set(lead, detail.getValue());
        }
        return new CaptureLead(leadId, lead, LeadSource.PARTNER_FILE, sourceDetail, consent(values), ownerId);
    }

    /** A refusal's field as the file's mapping names it: {@code consent.date} is the consentDate column's. */
    static String fieldOf(String refusedField) {
        return switch (refusedField) {
            case "consent.granted" -> CONSENT;
            case "consent.date" -> CONSENT_DATE;
            case "consent.channel" -> CONSENT_CHANNEL;
            default -> refusedField;
        };
    }

    /**
     * The consent a row states: none when its consent column is blank; given on a date (ISO or dd/mm/yyyy) through
     * a channel, the partner's unless the row says which.
     */
    private static MarketingConsent consent(Map<String, String> values) {
        String granted = values.get(CONSENT);
        if (granted == null) {
            return null;
        }
        String answer = granted.toLowerCase(Locale.ROOT);
        if (!YES.contains(answer) && !NO.contains(answer)) {
            throw new InvalidFieldException(CONSENT, "invalid-consent", "consent must be oui or non (yes or no, "
                    + "true or false, 1 or 0), not " + granted);
        }
        String channel = values.get(CONSENT_CHANNEL);
        return new MarketingConsent(YES.contains(answer), date(values.get(CONSENT_DATE)),
                channel == null ? ConsentChannel.PARTNER : channel(channel));
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(CONSENT_DATE, "invalid-date", "consentDate must be a date as 2026-11-20 "
                    + "or 20/11/2026, not " + value);
        }
    }

    private static ConsentChannel channel(String value) {
        try {
            return ConsentChannel.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(CONSENT_CHANNEL, "invalid-value", "consentChannel must be one of "
                    + List.of(ConsentChannel.values()) + ", not " + value);
        }
    }

    private static Map<String, List<String>> usualHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(LeadField.FIRST_NAME.fieldName(), List.of("Prénom", "First name", "Given name"));
        headers.put(LeadField.LAST_NAME.fieldName(), List.of("Nom", "Nom de famille", "Last name", "Surname",
                "Family name"));
        headers.put(LeadField.EMAIL.fieldName(), List.of("E-mail", "Email", "Mail", "Courriel", "Adresse e-mail",
                "Adresse mail", "Email address"));
        headers.put(LeadField.PHONE.fieldName(), List.of("Téléphone", "Tél", "Tel", "Phone", "Phone number",
                "Mobile", "Portable"));
        headers.put(LeadField.COMPANY.fieldName(), List.of("Raison sociale", "Société", "Entreprise", "Company",
                "Company name", "Organisation", "Organization"));
        headers.put(LeadField.JOB_TITLE.fieldName(), List.of("Fonction", "Poste", "Titre", "Job title", "Title"));
        headers.put(LeadField.WEBSITE.fieldName(), List.of("Site web", "Site internet", "Site", "Website", "Web",
                "URL"));
        headers.put(LeadField.POSTAL_CODE.fieldName(), List.of("Code postal", "CP", "Postal code", "Postcode", "Zip",
                "Zip code"));
        headers.put(LeadField.CITY.fieldName(), List.of("Ville", "Commune", "City"));
        headers.put(LeadField.COUNTRY.fieldName(), List.of("Pays", "Country", "Country code"));
        headers.put(LeadField.NOTES.fieldName(), List.of("Notes", "Note", "Commentaire", "Commentaires", "Remarques",
                "Comments"));
        headers.put(LeadField.NAF_CODE.fieldName(), List.of("Code NAF", "NAF", "Code APE", "APE", "NAF code"));
        headers.put(LeadField.COMPANY_SIZE.fieldName(), List.of("Effectif", "Tranche d'effectif", "Taille",
                "Company size", "Size"));
        headers.put(CONSENT, List.of("Consentement", "Opt-in", "Consent", "Marketing consent"));
        headers.put(CONSENT_DATE, List.of("Date du consentement", "Date de consentement", "Consent date",
                "Opt-in date"));
        headers.put(CONSENT_CHANNEL, List.of("Canal du consentement", "Consent channel"));
        headers.replaceAll((field, names) -> Stream.concat(names.stream(), Stream.of(field)).toList());
        return headers;
    }

    /** Country names in French and English, as files write them, to their ISO code. */
    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            names.put(ColumnMapping.normalised(country.getDisplayCountry(Locale.FRENCH)), code);
            names.put(ColumnMapping.normalised(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        return names;
    }
}
