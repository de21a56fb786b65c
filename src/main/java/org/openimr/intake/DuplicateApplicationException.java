package org.openimr.intake;

import org.openimr.system.ConflictException;

/** The same application (employee, UR decision and disputed items) is already registered. */
public class DuplicateApplicationException extends ConflictException {

    public DuplicateApplicationException(String existingCaseNumber) {
        super("This application is already registered as case " + existingCaseNumber, existingCaseNumber);
    }
}
