package io.relais.register;

/** The company register cannot answer now (down, overloaded, the key refused): answered 503, nothing changed. */
public class RegisterUnavailableException extends RuntimeException {

    public RegisterUnavailableException(String message) {
        super(message);
    }
}
