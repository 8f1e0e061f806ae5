package io.relais.web;

import java.io.IOException;

/** A request body over {@code relais.api.max-body-size}; an {@link IOException} because reading it fails so. */
public class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long maxBodySize) {
        super("The request body must be at most " + maxBodySize + " bytes");
    }
}
