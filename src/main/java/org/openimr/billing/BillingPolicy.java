package org.openimr.billing;

import org.openimr.billing.BillingProperties.BeforeFirstSchedule;
import org.openimr.cases.CaseStatus;

/** What billing does with a review that has ended, as the organization's policy in imr.billing says. */
final class BillingPolicy {

    enum Decision {
        /** Invoiced at the fee of its tier. */
        INVOICE,
        /** Not invoiced, by policy (a review after a remand, an ineligible case) or as joined into another case. */
        NOT_BILLED,
        /** No schedule covers it; listed as unbilled for a person to bill by hand. */
        FLAGGED,
        /** No schedule covers it; not invoiced, and only the log says so. */
        REFUSED
    }

    private BillingPolicy() {
    }

    static Decision decide(BillingProperties policy, CaseStatus status, int reviewNo, boolean scheduleInForce) {
        if (reviewNo > 1 && !policy.remandInvoiced()) {
            return Decision.NOT_BILLED;
        }
        if (status == CaseStatus.CONSOLIDATED) {
            return Decision.NOT_BILLED;  // its items are reviewed, and billed, with the case it joined
        }
        if (status == CaseStatus.INELIGIBLE && !policy.ineligibleInvoiced()) {
            return Decision.NOT_BILLED;
        }
        if (!scheduleInForce) {
            return policy.beforeFirstSchedule() == BeforeFirstSchedule.FLAG ? Decision.FLAGGED : Decision.REFUSED;
        }
        return Decision.INVOICE;
    }
}
