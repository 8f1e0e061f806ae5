package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Apply what a company register says of the account: the {@code fields} listed (legal name, SIREN, SIRET, NAF code,
 * billing address) take their value from {@code values}, as register {@code register} holds them for its
 * establishment {@code siret}.
 */
public record FillAccountFromRegister(@TargetAggregateIdentifier String accountId, String register, String siret,
                                      AccountDetails values, Set<AccountField> fields, Long expectedVersion) {

    /** What a register may fill: what identifies and locates a company, not what the CRM or the ERP keeps. */
    public static final Set<AccountField> REGISTER_FIELDS = Set.of(AccountField.LEGAL_NAME, AccountField.SIREN,
            AccountField.SIRET, AccountField.NAF_CODE, AccountField.BILLING_ADDRESS);
}
