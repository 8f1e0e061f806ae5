package io.relais.account;

import java.util.List;

/** A page of accounts. */
public record AccountPage(List<AccountView> items, int page, int size, long totalItems) {
}
