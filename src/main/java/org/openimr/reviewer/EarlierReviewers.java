package org.openimr.reviewer;

import java.util.Map;

/**
 * The reviewers of a case's earlier reviews, each with the review they served. After an order set
 * the case's determination aside, the new review goes to a different reviewer (LC 4610.6(i)): none
 * of these may be chosen or assigned again.
 */
record EarlierReviewers(Map<Long, Integer> reviewByReviewer) {

    static final EarlierReviewers NONE = new EarlierReviewers(Map.of());

    EarlierReviewers {
        reviewByReviewer = Map.copyOf(reviewByReviewer);
    }

    /** Why the reviewer may not review the case again, or null when they did not review it before. */
    String reason(Reviewer reviewer) {
        Integer review = reviewByReviewer.get(reviewer.id());
        return review == null ? null : "reviewed this case before (review " + review
                + "); after a remand a different reviewer decides (LC 4610.6(i))";
    }
}
