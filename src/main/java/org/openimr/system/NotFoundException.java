package org.openimr.system;

/** A resource the request names does not exist; answered with HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
