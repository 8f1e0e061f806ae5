package io.relais.customerfeed;

import io.relais.account.AccountDetails;
import io.relais.account.Address;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;

/** An account's ERP-mastered fields ({@code AccountField.erpMastered}), as the ERP takes them. */
public record ErpFields(String legalName, @Nullable Address billingAddress, @Nullable String siren,
                        @Nullable String siret, @Nullable String nafCode, @Nullable String paymentTerms,
                        @Nullable BigDecimal creditLimit) {

    public static ErpFields of(AccountDetails details) {
        return new ErpFields(details.legalName(), details.billingAddress(), details.siren(), details.siret(),
                details.nafCode(), details.paymentTerms(), details.creditLimit());
    }
}
