package org.openimr.cases;

import java.util.Optional;

/**
 * Who reviews a case, as the reviewer capability records it. The case core and capabilities that
 * may not depend on the reviewer capability ask through this interface.
 */
public interface AssignedReviewers {

    /** The user id of the reviewer assigned to the case now, if there is one. */
    Optional<String> reviewerOf(long caseId);

    /** Whether the case reached a reviewer in that review: one was assigned, whether or not they are still. */
    boolean assignedInReview(long caseId, int reviewNo);
}
