package org.openimr.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.intake.Withdrawals;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly figures of a month generated here (May 2033, which no other test touches), against
 * figures the test works out from what it did: the days it moved the clock to, the outcomes the
 * cases ended with, the items they had.
 */
class MonthlyFiguresTest extends CaseTest {

    private static final LocalDate MAY = LocalDate.of(2033, 5, 1);

    @Autowired
    Withdrawals withdrawals;

    @Autowired
    CaseRegistry registry;

    /** Per letter: the day assigned, the day records were complete, the day issued, its case. */
    private final List<long[]> ages = new ArrayList<>();
    private final List<String> letterCases = new ArrayList<>();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theMonthsFiguresMatchThoseWorkedOutFromTheCasesOfTheMonth() {
        decided(TestApplications.seedCase(), 2, 3, 10, "UPHELD");
        decided(TestApplications.threeItemCase(), 4, 6, 20, "OVERTURNED");
        // Records complete 23 days after the notice: late.
        decided(TestApplications.seedCase(), 5, 28, 30, "UPHELD");
        // Expedited: three days from complete records, issued after six.
        ObjectNode expedited = TestApplications.seedCase();
        expedited.put("expedited", true);
        decided(expedited, 6, 6, 12, "UPHELD");
        ObjectNode noUrDecision = TestApplications.seedCase();
        noUrDecision.put("urDecisionAttached", false);
        cases.confirmFindings(submitOn(noUrDecision, 7));
        ObjectNode late = TestApplications.seedCase();
        late.put("urDecisionServedDate", "2014-05-01").put("urDecisionDate", "2014-04-28");
        TestApplications.item(late, 0).put("requestDate", "2014-04-20");
        cases.confirmFindings(submitOn(late, 8));
        String withdrawn = submitOn(TestApplications.seedCase(), 9);
        withdrawals.withdraw(withdrawn, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
        at(31);

        String csv = http("analyst1", "demo").get().uri("/api/reports/monthly?month=2033-05").retrieve()
                .body(String.class);

        Map<String, String> figures = new LinkedHashMap<>();
        csv.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",", -1);
            figures.put(cells[0] + "|" + cells[1] + "|" + cells[2], cells[3]);
        });
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("applications_received||", "7");
        expected.put("eligible||", "5");
        expected.put("ineligible||", "2");
        expected.put("letters_issued||", String.valueOf(letterCases.size()));
        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        for (String caseNumber : letterCases) {
            String outcome = cases.caseRecord(caseNumber).outcome();
            byOutcome.merge("letters_by_outcome||" + outcome, 1, Integer::sum);
            registry.items(cases.caseRecord(caseNumber).id()).stream().map(StoredItem::treatmentCategory).distinct()
                    .forEach(category -> byCategory.merge("letters_by_category|" + category + "|" + outcome, 1,
                            Integer::sum));
        }
        byOutcome.forEach((key, n) -> expected.put(key, String.valueOf(n)));
        byCategory.forEach((key, n) -> expected.put(key, String.valueOf(n)));
        List<Long> fromAssigned = ages.stream().map(a -> a[2] - a[0]).toList();
        List<Long> fromRecords = ages.stream().map(a -> a[2] - a[1]).toList();
        expected.put("average_days_from_assigned||", tenths(fromAssigned.stream().mapToLong(x -> x).sum() * 10.0
                / fromAssigned.size()));
        expected.put("median_days_from_assigned||", median(fromAssigned));
        expected.put("average_days_from_complete_records||", tenths(fromRecords.stream().mapToLong(x -> x).sum()
                * 10.0 / fromRecords.size()));
        expected.put("median_days_from_complete_records||", median(fromRecords));
        expected.put("late_determinations||", "1");
        expected.put("late_records||", "1");

        assertThat(figures).containsAllEntriesOf(expected);
        assertThat(figures).containsKeys("ineligible_by_reason|E1|", "ineligible_by_reason|E3|");
        assertThat(figures.get("ineligible_by_reason|E1|")).isEqualTo("1");
        assertThat(figures.get("ineligible_by_reason|E3|")).isEqualTo("1");
        int byIntake = http("intake1", "demo").get().uri("/api/reports/monthly?month=2033-05")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(byIntake).isEqualTo(403);
        int badMonth = http("analyst1", "demo").get().uri("/api/reports/monthly?month=May")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(badMonth).isEqualTo(400);
    }

    private void decided(ObjectNode application, int received, int recordsComplete, int issued, String undecided) {
        String caseNumber = submitOn(application, received);
        at(recordsComplete);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, undecided);
        cases.approveLetter(caseNumber);
        at(issued);
        cases.runJobs(caseNumber);
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        ages.add(new long[] {received, recordsComplete, issued});
        letterCases.add(caseNumber);
    }

    /** Submits the application on that day of May, received that day: its other dates move with it. */
    private String submitOn(ObjectNode application, int day) {
        at(day);
        LocalDate received = MAY.withDayOfMonth(day);
        long shift = ChronoUnit.DAYS.between(LocalDate.parse(application.get("applicationReceivedDate").asText()), received);
        for (String field : List.of("applicationReceivedDate", "applicationSignedDate", "urDecisionDate",
                "urDecisionServedDate")) {
            application.put(field, LocalDate.parse(application.get(field).asText()).plusDays(shift).toString());
        }
        application.withArray("disputedItems").forEach(item -> ((ObjectNode) item).put("requestDate",
                LocalDate.parse(item.get("requestDate").asText()).plusDays(shift).toString()));
        return cases.submit(application);
    }

    private static void at(int day) {
        ClockUtil.setCurrentTime(Date.from(CaseClock.startOf(MAY.withDayOfMonth(day)).plus(9, ChronoUnit.HOURS)));
    }

    private static String tenths(double tenthsValue) {
        return String.valueOf(Math.round(tenthsValue) / 10.0);
    }

    private static String median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return String.valueOf(Math.round(median * 10) / 10.0);
    }
}
