package io.relais.lead;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The lead details a partial update may change, with their names as clients spell them. */
public enum LeadField {
    FIRST_NAME("firstName", LeadDetails::firstName),
    LAST_NAME("lastName", LeadDetails::lastName),
    EMAIL("email", LeadDetails::email),
    PHONE("phone", LeadDetails::phone),
    COMPANY("company", LeadDetails::company),
    JOB_TITLE("jobTitle", LeadDetails::jobTitle),
    WEBSITE("website", LeadDetails::website),
    POSTAL_CODE("postalCode", LeadDetails::postalCode),
    CITY("city", LeadDetails::city),
    COUNTRY("country", LeadDetails::country),
    NOTES("notes", LeadDetails::notes);

    private final String fieldName;
    private final Function<LeadDetails, String> getter;

    LeadField(String fieldName, Function<LeadDetails, String> getter) {
        this.fieldName = fieldName;
        this.getter = getter;
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
                this == NOTES ? value : d.notes());
    }
}
