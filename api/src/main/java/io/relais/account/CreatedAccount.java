package io.relais.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.relais.duplicate.DuplicateMatch;

import java.util.List;

/** A new account as the API answers it: the account, and the likely duplicates the caller may see. */
record CreatedAccount(@JsonUnwrapped AccountView account, List<DuplicateMatch> possibleDuplicates) {
}
