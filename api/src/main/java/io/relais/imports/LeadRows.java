package io.relais.imports;

import io.relais.lead.CaptureLead;
import io.relais.lead.ConsentChannel;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadField;
import io.relais.lead.LeadSource;
import io.relais.lead.MarketingConsent;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's rows as leads: each row a {@link CaptureLead} from a partner file, checked by the same rules as a lead
 * captured through the API when it is sent (and by {@link CaptureLead#captured} in a dry run).
 */
final class LeadRows implements RowReader {

    static final LeadRows READER = new LeadRows();
    private static final String CONSENT = "consent";
    private static final String CONSENT_DATE = "consentDate";
    private static final String CONSENT_CHANNEL = "consentChannel";

    private static final Map<String, List<String>> USUAL_HEADERS = headers();

    private LeadRows() {
    }

    @Override
    public Map<String, List<String>> usualHeaders() {
        return USUAL_HEADERS;
    }

    @Override
    public RowCommands commands(Identity identity, Map<String, String> values, ImportSettings settings) {
        LeadDetails lead = new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null);
        for (LeadField field : LeadField.values()) {
            String value = values.get(field.fieldName());
            lead = field.set(lead, field == LeadField.COUNTRY ? ImportValues.country(value) : value);
        }
        String leadId = identity.id("lead", null);
        return new RowCommands(leadId, List.of(new CaptureLead(leadId, lead, LeadSource.PARTNER_FILE,
                settings.sourceDetail(), consent(values), settings.ownerId())));
    }

    @Override
    public void check(Object command, String owner, Clock clock) {
        ((CaptureLead) command).captured(owner, clock);
    }

    /** A consent's fields as the mapping names them: {@code consent.date} is the consentDate column's. */
    @Override
    public String fieldOf(Object command, String refusedField) {
        return refusedField == null ? null : switch (refusedField) {
            case "consent.granted" -> CONSENT;
            case "consent.date" -> CONSENT_DATE;
            case "consent.channel" -> CONSENT_CHANNEL;
            default -> refusedField;
        };
    }

    @Override
    public String madeId(Object command) {
        return ((CaptureLead) command).leadId();
    }

    @Override
    public boolean inStore(Object command, EventStore events) {
        return events.lastSequenceNumberFor(madeId(command)).isPresent();
    }

    /**
     * The consent a row states: none when its consent column is blank; given on a date through a channel, the
     * partner's unless the row says which.
     */
    private static MarketingConsent consent(Map<String, String> values) {
        Boolean granted = ImportValues.yesNo(CONSENT, values.get(CONSENT));
        if (granted == null) {
            return null;
        }
        ConsentChannel channel = ImportValues.choice(CONSENT_CHANNEL, values.get(CONSENT_CHANNEL),
                ConsentChannel.class);
        return new MarketingConsent(granted, ImportValues.date(CONSENT_DATE, values.get(CONSENT_DATE)),
                channel == null ? ConsentChannel.PARTNER : channel, null);
    }

    private static Map<String, List<String>> headers() {
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
        return headers;
    }
}
