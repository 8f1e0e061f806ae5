package io.relais.duplicate;

/**
 * The identifiers that, equal once normalised, point to the same company or person, with how sure an
 * equal value makes us.
 */
public enum KeyType {
    SIRET(1.0),
    EMAIL(0.95),
    PHONE(0.85),
    SIREN(0.8),
    DOMAIN(0.8);

    private final double weight;

    KeyType(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
