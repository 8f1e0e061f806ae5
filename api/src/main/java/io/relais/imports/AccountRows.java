package io.relais.imports;

import io.relais.account.AccountDetails;
import io.relais.account.AddContact;
import io.relais.account.Address;
import io.relais.account.ContactAdded;
import io.relais.account.ContactDetails;
import io.relais.account.CreateAccount;
import io.relais.account.DecisionRole;
import io.relais.common.Fields;
import io.relais.common.Refusal;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's rows as accounts with their contacts: each row's company an account ({@link CreateAccount}) and, when
 * the row names a person, a contact of it ({@link AddContact}). Rows of one company (one SIRET, else SIREN, else
 * legal name and postal code; or one key) make one account, each adding its contact. Checked by the same rules as
 * an account and a contact created through the API (in a dry run by {@link CreateAccount#created} and
 * {@link ContactDetails#requireValid}).
 */
final class AccountRows implements RowReader {

    static final AccountRows READER = new AccountRows();
    private static final String BILLING = "billingAddress.";
    private static final String CONTACT = "contact.";
    /** The refusal of a contact added again under its id ({@code Account}'s). */
    private static final String CONTACT_EXISTS = "contact-exists";
    private static final Map<String, List<String>> USUAL_HEADERS = headers();

    private AccountRows() {
    }

    @Override
    public Map<String, List<String>> usualHeaders() {
        return USUAL_HEADERS;
    }

    @Override
    public RowCommands commands(Identity identity, Map<String, String> values, ImportSettings settings) {
        Address billing = new Address(values.get(BILLING + "street"), values.get(BILLING + "postalCode"),
                values.get(BILLING + "city"), ImportValues.country(values.get(BILLING + "country")));
        AccountDetails details = new AccountDetails(values.get("legalName"), values.get("tradeName"),
                billing.equals(new Address(null, null, null, null)) ? null : billing, null, values.get("phone"),
                values.get("website"), values.get("siren"), values.get("siret"), values.get("nafCode"),
                ImportValues.integer("headcount", values.get("headcount")),
                ImportValues.decimal("annualRevenue", values.get("annualRevenue")), null, null, null, null, null,
                null);
        String accountId = identity.id("account", identity.key() != null ? null : company(values));
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateAccount(accountId, values.get("legalName") == null ? null : details,
                settings.ownerId()));
        if (values.keySet().stream().anyMatch(field -> field.startsWith(CONTACT))) {
            ContactDetails contact = new ContactDetails(values.get(CONTACT + "firstName"),
                    values.get(CONTACT + "lastName"), values.get(CONTACT + "jobTitle"),
                    listOf(values.get(CONTACT + "email")), listOf(values.get(CONTACT + "phone")),
                    settings.sourceDetail(), ImportValues.choice(CONTACT + "decisionRole",
                    values.get(CONTACT + "decisionRole"), DecisionRole.class), values.get(CONTACT + "notes"));
            commands.add(new AddContact(accountId, identity.id("contact", null), contact));
        }
        return new RowCommands(accountId, commands);
    }

    @Override
    public void check(Object command, String owner, Clock clock) {
        if (command instanceof AddContact contact) {
            ContactDetails.requireValid(contact.details());
        } else {
            ((CreateAccount) command).created(owner);
        }
    }

    /** A contact's refused field is the contact column's; {@code emails[0]} the e-mail's. */
    @Override
    public String fieldOf(Object command, String refusedField) {
        if (!(command instanceof AddContact) || refusedField == null) {
            return refusedField;
        }
        String field = refusedField.replaceAll("\\[\\d+]$", "");
        return CONTACT + switch (field) {
            case "emails" -> "email";
            case "phones" -> "phone";
            default -> field;
        };
    }

    @Override
    public String madeId(Object command) {
        return command instanceof AddContact contact ? contact.contactId() : ((CreateAccount) command).accountId();
    }

    @Override
    public boolean inStore(Object command, EventStore events) {
        if (command instanceof AddContact contact) {
            return events.lastSequenceNumberFor(contact.accountId()).isPresent()
                    && events.readEvents(contact.accountId()).asStream().anyMatch(event ->
                    event.getPayload() instanceof ContactAdded added && added.contactId().equals(contact.contactId()));
        }
        return events.lastSequenceNumberFor(madeId(command)).isPresent();
    }

    /** A contact of the row's id is on the account: an earlier import of the row added it. */
    @Override
    public boolean madeBefore(Refusal refusal) {
        return CONTACT_EXISTS.equals(refusal.code());
    }

    /**
     * What identifies a row's company without a key column: its SIRET, else its SIREN (as the account keeps them),
     * else its legal name and postal code, case, accents and punctuation aside.
     */
    private static String company(Map<String, String> values) {
        String siret = Fields.siret("siret", values.get("siret"));
        if (siret != null) {
            return "siret|" + siret;
        }
        String siren = Fields.siren("siren", values.get("siren"));
        if (siren != null) {
            return "siren|" + siren;
        }
        return "name|" + ColumnMapping.normalised(String.valueOf(values.get("legalName"))) + "|"
                + ColumnMapping.normalised(String.valueOf(values.get(BILLING + "postalCode")));
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("legalName", List.of("Raison sociale", "Dénomination", "Société", "Entreprise",
                "Nom de l'entreprise", "Company", "Company name", "Legal name", "Organisation", "Organization"));
        headers.put("tradeName", List.of("Nom commercial", "Enseigne", "Trade name"));
        headers.put("siren", List.of("SIREN", "N° SIREN", "Numéro SIREN"));
        headers.put("siret", List.of("SIRET", "N° SIRET", "Numéro SIRET"));
        headers.put("nafCode", List.of("Code NAF", "NAF", "Code APE", "APE", "NAF code"));
        headers.put("headcount", List.of("Effectif", "Nombre de salariés", "Salariés", "Headcount", "Employees"));
        headers.put("annualRevenue", List.of("Chiffre d'affaires", "CA", "Annual revenue", "Revenue"));
        headers.put("phone", List.of("Téléphone", "Standard", "Tél", "Tel", "Phone", "Company phone"));
        headers.put("website", List.of("Site web", "Site internet", "Site", "Website", "Web", "URL"));
        headers.put(BILLING + "street", List.of("Adresse", "Rue", "Address", "Street"));
        headers.put(BILLING + "postalCode", List.of("Code postal", "CP", "Postal code", "Postcode", "Zip", "Zip code"));
        headers.put(BILLING + "city", List.of("Ville", "Commune", "City"));
        headers.put(BILLING + "country", List.of("Pays", "Country", "Country code"));
        headers.put(CONTACT + "firstName", List.of("Prénom", "Prénom du contact", "First name", "Contact first name"));
        headers.put(CONTACT + "lastName", List.of("Nom", "Nom du contact", "Last name", "Contact last name",
                "Surname"));
        headers.put(CONTACT + "jobTitle", List.of("Fonction", "Poste", "Job title", "Title"));
        headers.put(CONTACT + "email", List.of("E-mail", "Email", "Mail", "Courriel", "E-mail du contact",
                "Contact email"));
        headers.put(CONTACT + "phone", List.of("Téléphone du contact", "Mobile", "Portable", "Ligne directe",
                "Contact phone", "Mobile phone"));
        headers.put(CONTACT + "decisionRole", List.of("Rôle", "Rôle dans la décision", "Decision role", "Role"));
        headers.put(CONTACT + "notes", List.of("Notes", "Note", "Commentaire", "Commentaires", "Comments"));
        return headers;
    }
}
