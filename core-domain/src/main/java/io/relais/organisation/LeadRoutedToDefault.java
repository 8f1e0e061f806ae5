package io.relais.organisation;

/** No rule matched the lead: it goes to the default owner, or stays unassigned when there is none. */
public record LeadRoutedToDefault(String leadId, String ownerId) {
}
