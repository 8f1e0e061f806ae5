package io.relais.organisation;

import jakarta.annotation.Nullable;

import java.util.List;

/** The lead routing set-up: every territory, and who gets the leads no rule matches (null: nobody). */
public record LeadRoutingView(List<TerritoryView> territories, @Nullable String defaultOwnerId) {
}
