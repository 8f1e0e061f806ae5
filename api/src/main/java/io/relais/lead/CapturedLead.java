package io.relais.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.relais.duplicate.DuplicateMatch;

import java.util.List;

/** A new lead as the API answers it: the lead, and what it may already be among what the caller may see. */
record CapturedLead(@JsonUnwrapped LeadView lead, List<DuplicateMatch> possibleDuplicates) {
}
