package org.openimr.system;

/** The request collides with the current state (a duplicate, a closed case); HTTP 409. */
public class ConflictException extends RuntimeException {

    private final transient String existing;

    public ConflictException(String message, String existing) {
        super(message);
        this.existing = existing;
    }

    public ConflictException(String message) {
        this(message, null);
    }

    /** The resource the request collided with, when there is one (e.g. the existing case number). */
    public String existing() {
        return existing;
    }
}
