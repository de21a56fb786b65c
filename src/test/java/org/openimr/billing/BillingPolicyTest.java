package org.openimr.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openimr.billing.BillingPolicy.Decision;
import org.openimr.billing.BillingProperties.BeforeFirstSchedule;
import org.openimr.cases.CaseStatus;

/** Each switch of the billing policy, both ways, and what a configuration that sets none of them does. */
class BillingPolicyTest {

    private static final BillingProperties DEFAULTS = new BillingProperties(null, List.of(), null, null, null);

    @Test
    void byDefaultARemandAndAnIneligibleCaseAreInvoicedAndACaseBeforeTheFirstScheduleIsFlagged() {
        assertThat(BillingPolicy.decide(DEFAULTS, CaseStatus.DETERMINATION_ISSUED, 2, true)).isEqualTo(Decision.INVOICE);
        assertThat(BillingPolicy.decide(DEFAULTS, CaseStatus.INELIGIBLE, 1, true)).isEqualTo(Decision.INVOICE);
        assertThat(BillingPolicy.decide(DEFAULTS, CaseStatus.WITHDRAWN, 1, false)).isEqualTo(Decision.FLAGGED);
    }

    @Test
    void aRemandIsInvoicedAsItsOwnReviewOnlyWhenConfiguredSo() {
        assertThat(BillingPolicy.decide(policy(true, true, BeforeFirstSchedule.FLAG), CaseStatus.DETERMINATION_ISSUED,
                2, true)).isEqualTo(Decision.INVOICE);
        assertThat(BillingPolicy.decide(policy(false, true, BeforeFirstSchedule.FLAG), CaseStatus.DETERMINATION_ISSUED,
                2, true)).isEqualTo(Decision.NOT_BILLED);
        // The first review is invoiced whatever the remand policy.
        assertThat(BillingPolicy.decide(policy(false, true, BeforeFirstSchedule.FLAG), CaseStatus.DETERMINATION_ISSUED,
                1, true)).isEqualTo(Decision.INVOICE);
    }

    @Test
    void anIneligibleCaseIsInvoicedAtTheReducedFeeOnlyWhenConfiguredSo() {
        assertThat(BillingPolicy.decide(policy(true, true, BeforeFirstSchedule.FLAG), CaseStatus.INELIGIBLE, 1, true))
                .isEqualTo(Decision.INVOICE);
        assertThat(BillingPolicy.decide(policy(true, false, BeforeFirstSchedule.FLAG), CaseStatus.INELIGIBLE, 1, true))
                .isEqualTo(Decision.NOT_BILLED);
        // A withdrawal before a reviewer is billed at the same reduced fee whatever the ineligibility policy.
        assertThat(BillingPolicy.decide(policy(true, false, BeforeFirstSchedule.FLAG), CaseStatus.WITHDRAWN, 1, true))
                .isEqualTo(Decision.INVOICE);
    }

    @Test
    void aCaseBeforeTheFirstScheduleIsFlaggedOrRefused() {
        assertThat(BillingPolicy.decide(policy(true, true, BeforeFirstSchedule.FLAG), CaseStatus.DETERMINATION_ISSUED,
                1, false)).isEqualTo(Decision.FLAGGED);
        assertThat(BillingPolicy.decide(policy(true, true, BeforeFirstSchedule.REFUSE), CaseStatus.DETERMINATION_ISSUED,
                1, false)).isEqualTo(Decision.REFUSED);
        // A case not billed by policy is neither flagged nor refused: there is nothing to bill.
        assertThat(BillingPolicy.decide(policy(true, false, BeforeFirstSchedule.FLAG), CaseStatus.INELIGIBLE, 1, false))
                .isEqualTo(Decision.NOT_BILLED);
    }

    private static BillingProperties policy(boolean remand, boolean ineligible, BeforeFirstSchedule before) {
        return new BillingProperties(30, List.of(), remand, ineligible, before);
    }
}
