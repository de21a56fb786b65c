package org.openimr.cases;

import java.util.Optional;

/**
 * Who reviews a case now, as the reviewer capability records it. {@link CaseAccess} asks through
 * this interface, so that the case core depends on no capability.
 */
public interface AssignedReviewers {

    /** The user id of the reviewer assigned to the case now, if there is one. */
    Optional<String> reviewerOf(long caseId);
}
