package io.relais.account;

import io.relais.common.FieldChange;

import java.util.List;

/**
 * Fields of the account took the values company register {@code register} holds for its establishment
 * {@code siret}; {@code details} is the whole new state, {@code changes} what the register filled or changed.
 */
public record AccountFilledFromRegister(String accountId, String register, String siret, AccountDetails details,
                                        List<FieldChange> changes) {
}
