package org.openimr.sla;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadline settings: days the IMR organization is closed beyond the state holidays, the share of
 * the determination period after which a case counts as at risk, and the business days a party
 * has to answer a request for information during screening (D2: 5 under 8 CCR 9792.10.3(c)).
 */
@ConfigurationProperties(prefix = "imr.sla")
public record SlaProperties(List<LocalDate> extraHolidays, Double atRiskShare, Integer informationResponseDays) {

    public SlaProperties {
        extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
        atRiskShare = atRiskShare == null ? 0.8 : atRiskShare;
        informationResponseDays = informationResponseDays == null ? 5 : informationResponseDays;
        if (informationResponseDays < 1) {
            throw new IllegalArgumentException("imr.sla.information-response-days must be at least 1, was "
                    + informationResponseDays);
        }
        if (atRiskShare <= 0 || atRiskShare >= 1) {
            throw new IllegalArgumentException("imr.sla.at-risk-share must be between 0 and 1 (exclusive), was " + atRiskShare);
        }
    }
}
