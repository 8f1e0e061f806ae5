package io.relais.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and deals written over HTTP, for tests that need a history to read back. */
public final class SalesHistory {

    private SalesHistory() {
    }

    /** A new account of {@code legalName}; its id. */
    public static String account(HttpApi owner, String legalName) {
        return ApiTestSupport.created(owner.post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\"}"));
    }

    /** A new open deal of {@code amount} euros on {@code account}; its id. */
    public static String open(HttpApi owner, String account, String amount) {
        return ApiTestSupport.created(owner.post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", "
                + "\"name\": \"Contrat " + amount + "\", \"currency\": \"EUR\", \"amount\": " + amount + ", "
                + "\"expectedCloseDate\": \"2027-06-30\"}"));
    }

    /** A deal of {@code amount} euros opened and won on {@code account}; its id. */
    public static String win(HttpApi owner, String account, String amount) {
        String deal = open(owner, account, amount);
        assertThat(owner.post("/api/v1/opportunities/" + deal + "/close-won", null).status()).isEqualTo(200);
        return deal;
    }
}
