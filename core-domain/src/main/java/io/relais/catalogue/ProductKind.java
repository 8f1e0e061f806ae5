package io.relais.catalogue;

/** What is sold: a good, or a service. */
public enum ProductKind {
    PRODUCT,
    SERVICE
}
