package org.openimr.sla;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadline settings: days the IMR organization is closed beyond the state holidays, and the
 * share of the determination period after which a case counts as at risk.
 */
@ConfigurationProperties(prefix = "imr.sla")
public record SlaProperties(List<LocalDate> extraHolidays, Double atRiskShare) {

    public SlaProperties {
        extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
        atRiskShare = atRiskShare == null ? 0.8 : atRiskShare;
        if (atRiskShare <= 0 || atRiskShare >= 1) {
            throw new IllegalArgumentException("imr.sla.at-risk-share must be between 0 and 1 (exclusive), was " + atRiskShare);
        }
    }
}
