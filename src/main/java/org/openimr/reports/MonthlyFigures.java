package org.openimr.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.Determination;
import org.openimr.cases.Reviews.DeterminedItem;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Division's monthly figures for one calendar month (California time): applications received
 * and screened, final determinations issued (the ledger of {@link Reviews}, so a determination after
 * a remand counts in the month it was issued), their ages and lateness, and late records.
 */
@Service
class MonthlyFigures {

    /** One line of the report: a figure, its breakdown (a reason, a treatment category), an outcome, the value. */
    record Line(String figure, String group, String outcome, String value) {
    }

    private final JdbcClient jdbc;
    private final Reviews reviews;

    MonthlyFigures(JdbcClient jdbc, Reviews reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    List<Line> of(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        List<Line> lines = new ArrayList<>();
        applications(first, next, lines);
        List<Determination> issued = reviews.issuedBetween(CaseClock.startOf(first), CaseClock.startOf(next));
        letters(issued, lines);
        ages(issued, lines);
        lines.add(new Line("late_determinations", "", "", count(issued.stream().filter(Determination::late).count())));
        long lateRecords = jdbc.sql("""
                select count(*) from imr_case
                where records_due_at >= ? and records_due_at < ? and records_days_late > 0""")
                .params(Timestamp.from(CaseClock.startOf(first)), Timestamp.from(CaseClock.startOf(next)))
                .query(Long.class).single();
        lines.add(new Line("late_records", "", "", count(lateRecords)));
        return lines;
    }

    private void applications(LocalDate first, LocalDate next, List<Line> lines) {
        List<String> reasons = jdbc.sql("""
                select case when status = 'INELIGIBLE' then coalesce(close_reason, '') else null end
                from imr_case where application_received_date >= ? and application_received_date < ?""")
                .params(Date.valueOf(first), Date.valueOf(next))
                .query((rs, n) -> rs.getString(1)).list();
        long ineligible = reasons.stream().filter(reason -> reason != null).count();
        lines.add(new Line("applications_received", "", "", count(reasons.size())));
        lines.add(new Line("eligible", "", "", count(reasons.size() - ineligible)));
        lines.add(new Line("ineligible", "", "", count(ineligible)));
        Map<String, Long> byReason = new TreeMap<>();
        reasons.stream().filter(reason -> reason != null)
                .flatMap(reason -> Arrays.stream(reason.split("[,;\\s]+")).filter(code -> !code.isBlank()))
                .forEach(code -> byReason.merge(code, 1L, Long::sum));
        byReason.forEach((code, n) -> lines.add(new Line("ineligible_by_reason", code, "", count(n))));
    }

    /** Letters by outcome; per treatment category, the letters that decided an item of it, by their outcome. */
    private static void letters(List<Determination> issued, List<Line> lines) {
        lines.add(new Line("letters_issued", "", "", count(issued.size())));
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        for (Determination determination : issued) {
            byOutcome.merge(determination.outcome(), 1L, Long::sum);
            determination.items().stream().map(DeterminedItem::treatmentCategory).distinct()
                    .forEach(category -> byCategory.merge(category + "\t" + determination.outcome(), 1L, Long::sum));
        }
        byOutcome.forEach((outcome, n) -> lines.add(new Line("letters_by_outcome", "", outcome, count(n))));
        byCategory.forEach((key, n) -> {
            String[] parts = key.split("\t");
            lines.add(new Line("letters_by_category", parts[0], parts[1], count(n)));
        });
    }

    /** Calendar days from the date assigned, and from complete records, to the letter. */
    private static void ages(List<Determination> issued, List<Line> lines) {
        List<Long> fromAssigned = new ArrayList<>();
        List<Long> fromRecords = new ArrayList<>();
        for (Determination determination : issued) {
            LocalDate letter = CaseClock.dateOf(determination.issuedAt());
            addDays(fromAssigned, determination.assignedAt(), letter);
            addDays(fromRecords, determination.recordsCompleteAt(), letter);
        }
        lines.add(new Line("average_days_from_assigned", "", "", average(fromAssigned)));
        lines.add(new Line("median_days_from_assigned", "", "", median(fromAssigned)));
        lines.add(new Line("average_days_from_complete_records", "", "", average(fromRecords)));
        lines.add(new Line("median_days_from_complete_records", "", "", median(fromRecords)));
    }

    private static void addDays(List<Long> ages, Instant from, LocalDate letter) {
        if (from != null) {
            ages.add(ChronoUnit.DAYS.between(CaseClock.dateOf(from), letter));
        }
    }

    static String average(List<Long> values) {
        if (values.isEmpty()) {
            return "";
        }
        long sum = values.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP).toPlainString();
    }

    static String median(List<Long> values) {
        if (values.isEmpty()) {
            return "";
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
                : BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
        return median.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String count(long n) {
        return Long.toString(n);
    }
}
