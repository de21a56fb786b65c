package org.openimr.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openimr.billing.BillingProperties.Schedule;
import org.springframework.stereotype.Component;

/**
 * The fee of a review by its tier under the schedule in force on the day the application was
 * received ("IMR requests submitted on or after ..."). A configuration that cannot give an exact
 * fee for every tier stops the application at start-up, naming the entry and the field.
 */
@Component
class FeeSchedules {

    /** A fee and the schedule it came from. */
    record Fee(FeeTier tier, BigDecimal amount, LocalDate scheduleEffectiveFrom, String source) {
    }

    private final List<Schedule> schedules;

    FeeSchedules(BillingProperties properties) {
        List<Schedule> sorted = new ArrayList<>(properties.feeSchedules());
        for (int i = 0; i < sorted.size(); i++) {
            check(sorted.get(i), "imr.billing.fee-schedules[" + i + "]");
        }
        sorted.sort(Comparator.comparing(Schedule::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
                throw new IllegalStateException("imr.billing.fee-schedules: two schedules take effect on "
                        + sorted.get(i).effectiveFrom());
            }
        }
        this.schedules = List.copyOf(sorted);
    }

    /** The fee for an application received on that day, if a schedule was in force then. */
    Optional<Fee> fee(LocalDate applicationReceived, FeeTier tier) {
        Schedule inForce = null;
        for (Schedule schedule : schedules) {
            if (!schedule.effectiveFrom().isAfter(applicationReceived)) {
                inForce = schedule;
            }
        }
        if (inForce == null) {
            return Optional.empty();
        }
        BigDecimal amount = switch (tier) {
            case STANDARD_REVIEW -> inForce.standard();
            case EXPEDITED_REVIEW -> inForce.expedited();
            case PHARMACY_REVIEW -> inForce.pharmacy() == null ? inForce.standard() : inForce.pharmacy();
            case ENDED_BEFORE_REVIEWER -> inForce.endedBeforeReviewer();
            case ENDED_AFTER_REVIEWER -> inForce.endedAfterReviewer();
        };
        return Optional.of(new Fee(tier, amount, inForce.effectiveFrom(), inForce.source()));
    }

    private static void check(Schedule schedule, String name) {
        if (schedule.effectiveFrom() == null) {
            throw new IllegalStateException(name + ".effective-from is required");
        }
        amount(schedule.standard(), name + ".standard", true);
        amount(schedule.expedited(), name + ".expedited", true);
        amount(schedule.pharmacy(), name + ".pharmacy", false);
        amount(schedule.endedBeforeReviewer(), name + ".ended-before-reviewer", true);
        amount(schedule.endedAfterReviewer(), name + ".ended-after-reviewer", true);
    }

    private static void amount(BigDecimal amount, String name, boolean required) {
        if (amount == null) {
            if (required) {
                throw new IllegalStateException(name + " is required");
            }
            return;
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalStateException(name + " must be an amount in dollars and cents, not " + amount);
        }
    }
}
