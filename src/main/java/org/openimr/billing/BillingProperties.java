package org.openimr.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fee schedules in force over time, the payment terms and the billing policy (imr.billing). A
 * schedule applies to applications received from its {@code effectiveFrom} until the next
 * schedule's; a new regulation is a new entry, with no change to the code. Amounts are in US
 * dollars with cents. The policy (docs/operations.md, "Billing policy"): whether a review after a
 * remand gets its own invoice, whether an ineligible case is invoiced (at the fee of a case ended
 * before a reviewer), and what becomes of a case received before the earliest schedule.
 */
@ConfigurationProperties(prefix = "imr.billing")
public record BillingProperties(Integer paymentDays, List<Schedule> feeSchedules, Boolean remandInvoiced,
        Boolean ineligibleInvoiced, BeforeFirstSchedule beforeFirstSchedule) {

    /** A case received before the earliest schedule: listed for a person to bill by hand, or not billed. */
    public enum BeforeFirstSchedule { FLAG, REFUSE }

    /** The fees of one schedule; {@code pharmacy} is the standard pharmacy-only review, where the schedule has one. */
    public record Schedule(LocalDate effectiveFrom, String source, BigDecimal standard, BigDecimal expedited,
            BigDecimal pharmacy, BigDecimal endedBeforeReviewer, BigDecimal endedAfterReviewer) {
    }

    public BillingProperties {
        paymentDays = paymentDays == null ? 30 : paymentDays;
        feeSchedules = feeSchedules == null ? List.of() : List.copyOf(feeSchedules);
        remandInvoiced = remandInvoiced == null || remandInvoiced;
        ineligibleInvoiced = ineligibleInvoiced == null || ineligibleInvoiced;
        beforeFirstSchedule = beforeFirstSchedule == null ? BeforeFirstSchedule.FLAG : beforeFirstSchedule;
    }
}
