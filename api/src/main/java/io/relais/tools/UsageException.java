package io.relais.tools;

/** A command line the tool cannot run as given: told to the user with the tool's usage, exit status 2. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
