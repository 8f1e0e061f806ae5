package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
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

    /**
     * Whether {@code after} changes a value {@code before} has, rather than only filling what it lacks: an address's
     * parts count one by one, so that a register filling the street and city of an address given by its postal code
     * changes nothing there.
     */
    public static boolean overwrites(AccountDetails before, AccountDetails after) {
        for (AccountField field : REGISTER_FIELDS) {
            Object was = field.valueIn(before);
            Object now = field.valueIn(after);
            if (was instanceof Address wasAddress) {
                Address nowAddress = now instanceof Address address ? address : new Address(null, null, null, null);
                if (changed(wasAddress.street(), nowAddress.street())
                        || changed(wasAddress.postalCode(), nowAddress.postalCode())
                        || changed(wasAddress.city(), nowAddress.city())
                        || changed(wasAddress.country(), nowAddress.country())) {
                    return true;
                }
            } else if (was != null && !Objects.equals(was, now)) {
                return true;
            }
        }
        return false;
    }

    private static boolean changed(String was, String now) {
        return was != null && !was.equals(now);
    }
}
