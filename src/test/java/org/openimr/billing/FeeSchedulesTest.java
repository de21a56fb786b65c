package org.openimr.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openimr.billing.BillingProperties.Schedule;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The fee schedules as configured in application.yaml, read as the application reads them: the
 * fee of every tier on each side of a schedule change, against the Division's published figures
 * (docs/operations.md, "Fees and invoices").
 */
class FeeSchedulesTest {

    private final FeeSchedules schedules = new FeeSchedules(configured());

    @Test
    void fromApril2014TheFeesDistinguishExpeditedAndPharmacyOnlyReviews() {
        LocalDate day = LocalDate.of(2019, 12, 31);
        assertThat(amount(day, FeeTier.STANDARD_REVIEW)).isEqualTo("420.00");
        assertThat(amount(day, FeeTier.EXPEDITED_REVIEW)).isEqualTo("515.00");
        assertThat(amount(day, FeeTier.PHARMACY_REVIEW)).isEqualTo("390.00");
        assertThat(amount(day, FeeTier.ENDED_BEFORE_REVIEWER)).isEqualTo("160.00");
        assertThat(amount(day, FeeTier.ENDED_AFTER_REVIEWER)).isEqualTo("420.00");
        assertThat(amount(LocalDate.of(2014, 4, 1), FeeTier.STANDARD_REVIEW)).isEqualTo("420.00");
    }

    @Test
    void fromJanuary2020OneFeeForEveryReviewAndASmallerOneBeforeAReviewer() {
        LocalDate day = LocalDate.of(2020, 1, 1);
        assertThat(amount(day, FeeTier.STANDARD_REVIEW)).isEqualTo("345.00");
        assertThat(amount(day, FeeTier.EXPEDITED_REVIEW)).isEqualTo("345.00");
        assertThat(amount(day, FeeTier.PHARMACY_REVIEW)).isEqualTo("345.00");
        assertThat(amount(day, FeeTier.ENDED_BEFORE_REVIEWER)).isEqualTo("115.00");
        assertThat(amount(day, FeeTier.ENDED_AFTER_REVIEWER)).isEqualTo("345.00");
        assertThat(schedules.fee(day, FeeTier.STANDARD_REVIEW).orElseThrow().scheduleEffectiveFrom())
                .isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void anApplicationBeforeTheFirstScheduleHasNoFee() {
        assertThat(schedules.fee(LocalDate.of(2014, 3, 31), FeeTier.STANDARD_REVIEW)).isEmpty();
    }

    @Test
    void aNewScheduleIsConfigurationOnlyAndAPharmacyFeeMayBeLeftToTheStandardOne() {
        FeeSchedules withNew = new FeeSchedules(billing(List.of(
                schedule(LocalDate.of(2030, 7, 1), "400.10", null, "130.05"),
                schedule(LocalDate.of(2020, 1, 1), "345.00", "345.00", "115.00"))));
        assertThat(withNew.fee(LocalDate.of(2030, 6, 30), FeeTier.STANDARD_REVIEW).orElseThrow().amount())
                .isEqualByComparingTo("345.00");
        assertThat(withNew.fee(LocalDate.of(2030, 7, 1), FeeTier.PHARMACY_REVIEW).orElseThrow().amount())
                .isEqualByComparingTo("400.10");
        assertThat(withNew.fee(LocalDate.of(2030, 7, 1), FeeTier.ENDED_BEFORE_REVIEWER).orElseThrow().amount())
                .isEqualByComparingTo("130.05");
    }

    @Test
    void aScheduleThatCannotGiveAnExactFeeStopsTheStartNamingTheField() {
        assertThatThrownBy(() -> new FeeSchedules(billing(List.of(
                schedule(LocalDate.of(2030, 7, 1), "400.105", null, "130.00")))))
                .hasMessage("imr.billing.fee-schedules[0].standard must be an amount in dollars and cents, not 400.105");
        assertThatThrownBy(() -> new FeeSchedules(billing(List.of(
                new Schedule(LocalDate.of(2030, 7, 1), null, new BigDecimal("1"), new BigDecimal("1"), null, null,
                        new BigDecimal("1"))))))
                .hasMessage("imr.billing.fee-schedules[0].ended-before-reviewer is required");
        assertThatThrownBy(() -> new FeeSchedules(billing(List.of(
                schedule(LocalDate.of(2030, 7, 1), "1.00", null, "1.00"),
                schedule(LocalDate.of(2030, 7, 1), "2.00", null, "1.00")))))
                .hasMessageContaining("two schedules take effect on 2030-07-01");
    }

    private String amount(LocalDate applicationReceived, FeeTier tier) {
        return schedules.fee(applicationReceived, tier).orElseThrow().amount().setScale(2).toPlainString();
    }

    private static Schedule schedule(LocalDate from, String standard, String pharmacy, String before) {
        return new Schedule(from, "test", new BigDecimal(standard), new BigDecimal(standard),
                pharmacy == null ? null : new BigDecimal(pharmacy), new BigDecimal(before), new BigDecimal(standard));
    }

    private static BillingProperties configured() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("imr.billing", BillingProperties.class).get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BillingProperties billing(List<Schedule> schedules) {
        return new BillingProperties(30, schedules, null, null, null);
    }
}
