package io.relais.lead;

import io.relais.common.CompanySize;
import io.relais.common.Fields;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The lead details a partial update may change, with their names as clients spell them. */
public enum LeadField {
    FIRST_NAME("firstName", LeadDetails::firstName, (f, v) -> Fields.text(f, v, 100)),
    LAST_NAME("lastName", LeadDetails::lastName, (f, v) -> Fields.text(f, v, 100)),
    EMAIL("email", LeadDetails::email, Fields::email),
    PHONE("phone", LeadDetails::phone, Fields::phone),
    COMPANY("company", LeadDetails::company, (f, v) -> Fields.text(f, v, 200)),
    JOB_TITLE("jobTitle", LeadDetails::jobTitle, (f, v) -> Fields.text(f, v, 100)),
    WEBSITE("website", LeadDetails::website, Fields::website),
    POSTAL_CODE("postalCode", LeadDetails::postalCode, (f, v) -> Fields.text(f, v, 20)),
    CITY("city", LeadDetails::city, (f, v) -> Fields.text(f, v, 100)),
    COUNTRY("country", LeadDetails::country, Fields::country),
    NOTES("notes", LeadDetails::notes, (f, v) -> Fields.text(f, v, 4000)),
    NAF_CODE("nafCode", LeadDetails::nafCode, Fields::nafCode),
    COMPANY_SIZE("companySize", LeadDetails::companySize,
            (f, v) -> Optional.ofNullable(Fields.enumValue(f, v, CompanySize.class)).map(Enum::name).orElse(null));

    private final String fieldName;
    private final Function<LeadDetails, String> getter;
    private final BiFunction<String, String, String> rule;

    LeadField(String fieldName, Function<LeadDetails, String> getter, BiFunction<String, String, String> rule) {
        this.fieldName = fieldName;
        this.getter = getter;
        this.rule = rule;
    }

    /** Today's rule for this field: the value normalised (trimmed, blank to null), or a refusal naming the field. */
    public String validate(String value) {
        return rule.apply(fieldName, value);
    }

    public String fieldName() {
        return fieldName;
    }

    public String valueIn(LeadDetails details) {
        return getter.apply(details);
    }

    public static Optional<LeadField> byName(String fieldName) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(fieldName)).findFirst();
    }

    /** A copy of {@code details} with this field set to {@code value}. */
    public LeadDetails set(LeadDetails d, String value) {
        return new LeadDetails(
                this == FIRST_NAME ? value : d.firstName(),
                this == LAST_NAME ? value : d.lastName(),
                this == EMAIL ? value : d.email(),
                this == PHONE ? value : d.phone(),
                this == COMPANY ? value : d.company(),
                this == JOB_TITLE ? value : d.jobTitle(),
                this == WEBSITE ? value : d.website(),
                this == POSTAL_CODE ? value : d.postalCode(),
                this == CITY ? value : d.city(),
                this == COUNTRY ? value : d.country(),
                this == NOTES ? value : d.notes(),
                this == NAF_CODE ? value : d.nafCode(),
                this == COMPANY_SIZE ? value : d.companySize());
    }
}
