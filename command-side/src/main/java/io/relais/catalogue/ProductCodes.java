package io.relais.catalogue;

/**
 * The product codes in use in the catalogue, each held by one product: the command-side lookup behind the
 * rule that codes are unique. Claims and releases take part in the transaction that appends the product's
 * events, so a code is taken exactly when the event giving it is stored, and two products claiming one
 * code at the same time cannot both succeed.
 */
public interface ProductCodes {

    /**
     * Claims {@code codeKey} for {@code productId} unless another product holds it, waiting for a claim not
     * yet committed; answers the product that holds it now (this one when the claim succeeded).
     */
    String claim(String codeKey, String productId);

    /** Lets {@code codeKey} go, if {@code productId} holds it. */
    void release(String codeKey, String productId);
}
