package org.openimr.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fee schedules in force over time and the payment terms (imr.billing). A schedule applies to
 * applications received from its {@code effectiveFrom} until the next schedule's; a new regulation
 * is a new entry, with no change to the code. Amounts are in US dollars with cents.
 */
@ConfigurationProperties(prefix = "imr.billing")
public record BillingProperties(Integer paymentDays, List<Schedule> feeSchedules) {

    /** The fees of one schedule; {@code pharmacy} is the standard pharmacy-only review, where the schedule has one. */
    public record Schedule(LocalDate effectiveFrom, String source, BigDecimal standard, BigDecimal expedited,
            BigDecimal pharmacy, BigDecimal endedBeforeReviewer, BigDecimal endedAfterReviewer) {
    }

    public BillingProperties {
        paymentDays = paymentDays == null ? 30 : paymentDays;
        feeSchedules = feeSchedules == null ? List.of() : List.copyOf(feeSchedules);
    }
}
