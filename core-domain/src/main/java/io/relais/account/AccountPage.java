package io.relais.account;

import io.relais.common.Page;

import java.util.List;

/** A page of accounts. */
public record AccountPage(List<AccountView> content, int page, int size, long totalElements)
        implements Page<AccountView> {
}
