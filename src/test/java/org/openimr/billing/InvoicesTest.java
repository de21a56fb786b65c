package org.openimr.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.billing.InvoiceStore.Invoice;
import org.openimr.cases.CaseClosed;
import org.openimr.cases.CaseStatus;
import org.openimr.intake.Withdrawals;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Each case's invoice through the case process: the tier its end gives it, the schedule its
 * application date picks, one invoice however often the closing step runs, payments, the unpaid
 * invoices past due, and the invoice and statement PDFs against their golden texts.
 */
class InvoicesTest extends CaseTest {

    /** Golden texts; a changed rendering is written beside them in target/ to compare and copy. */
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @Autowired
    Invoices invoices;

    @Autowired
    InvoiceStore store;

    @Autowired
    Withdrawals withdrawals;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDeterminationIsBilledAsAStandardExpeditedOrPharmacyReviewUnderTheScheduleOfItsApplicationDate() {
        assertThat(fee(decided(TestApplications.seedCase()))).isEqualTo(FeeTier.STANDARD_REVIEW + " 420.00");
        ObjectNode expedited = TestApplications.seedCase();
        expedited.put("expedited", true);
        assertThat(fee(decided(expedited))).isEqualTo(FeeTier.EXPEDITED_REVIEW + " 515.00");
        assertThat(fee(decided(pharmacyOnly(TestApplications.seedCase())))).isEqualTo(FeeTier.PHARMACY_REVIEW + " 390.00");
        assertThat(fee(decided(receivedOn(TestApplications.seedCase(), LocalDate.of(2020, 1, 1)))))
                .isEqualTo(FeeTier.STANDARD_REVIEW + " 345.00");
        assertThat(fee(decided(pharmacyOnly(receivedOn(TestApplications.seedCase(), LocalDate.of(2020, 1, 1))))))
                .isEqualTo(FeeTier.PHARMACY_REVIEW + " 345.00");
    }

    @Test
    void aCaseEndedBeforeItReachedAReviewerCostsTheReducedFeeAndOneEndedAfterTheFullOne() {
        String before = cases.submit(receivedOn(TestApplications.seedCase(), LocalDate.of(2019, 12, 31)));
        withdraw(before);
        assertThat(fee(before)).isEqualTo(FeeTier.ENDED_BEFORE_REVIEWER + " 160.00");

        String beforeAfterChange = cases.submit(receivedOn(TestApplications.seedCase(), LocalDate.of(2020, 1, 1)));
        withdraw(beforeAfterChange);
        assertThat(fee(beforeAfterChange)).isEqualTo(FeeTier.ENDED_BEFORE_REVIEWER + " 115.00");

        String after = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(after);
        cases.recordsComplete(after);
        assertThat(cases.tasks(after, "WriteClinicalSummaryTask")).hasSize(1);
        withdraw(after);
        assertThat(fee(after)).isEqualTo(FeeTier.ENDED_AFTER_REVIEWER + " 420.00");

        ObjectNode late = TestApplications.seedCase();
        late.put("applicationReceivedDate", "2014-08-05");
        String ineligible = cases.submit(late);
        cases.confirmFindings(ineligible);
        assertThat(cases.caseRecord(ineligible).status()).isEqualTo("INELIGIBLE");
        assertThat(fee(ineligible)).isEqualTo(FeeTier.ENDED_BEFORE_REVIEWER + " 160.00");
    }

    @Test
    void aCaseReceivedBeforeTheFirstScheduleGetsNoInvoiceAndIsListedAsUnbilled() {
        String early = cases.submit(receivedOn(TestApplications.seedCase(), LocalDate.of(2014, 3, 20)));
        withdraw(early);

        assertThat(invoices.forCase(early)).isEmpty();
        JsonNode unbilled = supervisor().get().uri("/api/invoices/unbilled").retrieve().body(JsonNode.class);
        JsonNode listed = null;
        for (JsonNode review : unbilled) {
            if (review.get("caseNumber").asText().equals(early)) {
                listed = review;
            }
        }
        assertThat(listed).as("unbilled list").isNotNull();
        assertThat(listed.get("reviewNo").asInt()).isEqualTo(1);
        assertThat(listed.get("reason").asText()).contains("No fee schedule is in force on 2014-03-20");
        // The closing delivered again lists it once.
        invoices.issue(new CaseClosed(cases.caseRecord(early).id(), early, CaseStatus.WITHDRAWN));
        assertThat(supervisor().get().uri("/api/invoices/unbilled").retrieve().body(JsonNode.class)
                .findValuesAsText("caseNumber").stream().filter(early::equals)).hasSize(1);
    }

    @Test
    void anInvoiceIsIssuedOnceWhenTheJobThatIssuesTheLetterFailsAndRunsAgainOrTheCaseClosesTwice() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.approveLetter(caseNumber);
        // The first run of the job fails after the invoice was written in its transaction.
        AtomicBoolean failOnce = new AtomicBoolean(true);
        AtomicBoolean invoiceSeenBeforeFailure = new AtomicBoolean();
        ApplicationListener<PayloadApplicationEvent<CaseClosed>> crash = event -> {
            if (event.getPayload().caseNumber().equals(caseNumber) && failOnce.getAndSet(false)) {
                invoiceSeenBeforeFailure.set(store.exists(event.getPayload().caseId(), 1));
                throw new IllegalStateException("node lost during the letter issue");
            }
        };
        ((ConfigurableApplicationContext) context).addApplicationListener(crash);
        Job job = managementService.createJobQuery().processInstanceId(cases.processInstanceId(caseNumber))
                .activityId("IssueLetterTask").singleResult();
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("node lost");
        assertThat(invoiceSeenBeforeFailure).isTrue();
        assertThat(invoices.forCase(caseNumber)).isEmpty();

        managementService.executeJob(job.getId());
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        Invoice issued = invoices.forCase(caseNumber).get(0);
        byte[] pdf = invoices.pdf(issued.number());

        // The closing step running again (a job executed twice) and the event delivered again change nothing.
        context.getBean(org.openimr.cases.CaseClosing.class).close(cases.caseRecord(caseNumber),
                CaseStatus.DETERMINATION_ISSUED, "UPHELD", null);
        invoices.issue(new CaseClosed(issued.caseId(), caseNumber, CaseStatus.DETERMINATION_ISSUED));
        assertThat(invoices.forCase(caseNumber)).hasSize(1);
        assertThat(invoices.pdf(issued.number())).isEqualTo(pdf);
        assertThat(issued.number()).isEqualTo("INV-" + caseNumber + "-1");
    }

    @Test
    void paymentsReduceTheBalanceAndAnInvoiceUnpaidPastItsDueDateIsListedUntilPaid() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(45, ChronoUnit.DAYS)));
        String caseNumber = cases.submit(TestApplications.seedCase());
        withdraw(caseNumber);
        ClockUtil.reset();
        String number = invoices.forCase(caseNumber).get(0).number();
        assertThat(pastDue()).contains(number);

        JsonNode partial = pay(number, Map.of("amount", 100.5, "receivedOn", CaseClock.today().toString(),
                "reference", "CHK-1001"), 201);
        assertThat(partial.get("balance").decimalValue()).isEqualByComparingTo("59.50");
        assertThat(pay(number, Map.of("amount", 100.5, "receivedOn", CaseClock.today().toString(),
                "reference", "CHK-1001"), 200).get("payments")).hasSize(1);
        JsonNode over = pay(number, Map.of("amount", 60, "receivedOn", CaseClock.today().toString(),
                "reference", "CHK-1002"), 409);
        assertThat(over.get("detail").asText()).contains("balance of 59.50");
        JsonNode bad = pay(number, Map.of("amount", 1.005, "receivedOn", CaseClock.today().plusDays(2).toString(),
                "reference", "CHK-1003", "payer", "x"), 400);
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("amount", "receivedOn",
                "payer");
        assertThat(pastDue()).contains(number);

        JsonNode paid = pay(number, Map.of("amount", "59.50", "receivedOn", CaseClock.today().toString(),
                "reference", "CHK-1004"), 400);
        assertThat(paid.get("errors").findValuesAsText("field")).containsExactly("amount");
        JsonNode rest = pay(number, Map.of("amount", 59.5, "receivedOn", CaseClock.today().toString(),
                "reference", "CHK-1004"), 201);
        assertThat(rest.get("balance").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rest.get("paid").decimalValue()).isEqualByComparingTo("160.00");
        assertThat(pastDue()).doesNotContain(number);

        int byReviewer = http("reviewer1", "demo").get().uri("/api/invoices/past-due")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(byReviewer).isEqualTo(403);
    }

    @Test
    void theInvoiceAndTheMonthlyStatementReadAsTheirGoldenTexts() {
        String administrator = "Golden Claims " + UUID.randomUUID().toString().substring(0, 8);
        ClockUtil.setCurrentTime(Date.from(CaseClock.startOf(LocalDate.of(2031, 3, 10)).plus(10, ChronoUnit.HOURS)));
        String standard = cases.submit(administeredBy(TestApplications.seedCase(), administrator));
        cases.recordsArrive(standard);
        cases.recordsComplete(standard);
        cases.writeClinicalSummary(standard);
        cases.decideAllItems(standard, "UPHELD");
        cases.approveLetter(standard);
        cases.runJobs(standard);
        ClockUtil.setCurrentTime(Date.from(CaseClock.startOf(LocalDate.of(2031, 3, 12)).plus(10, ChronoUnit.HOURS)));
        String withdrawn = cases.submit(administeredBy(TestApplications.seedCase(), administrator));
        withdraw(withdrawn);
        String withdrawnInvoice = invoices.forCase(withdrawn).get(0).number();
        invoices.pay(withdrawnInvoice, new BigDecimal("160.00"), LocalDate.of(2031, 3, 20), "EFT-77", "supervisor1");
        ClockUtil.setCurrentTime(Date.from(CaseClock.startOf(LocalDate.of(2031, 4, 2)).plus(10, ChronoUnit.HOURS)));

        byte[] invoicePdf = supervisor().get().uri("/api/invoices/{n}/pdf", invoices.forCase(standard).get(0).number())
                .retrieve().body(byte[].class);
        byte[] statementPdf = supervisor().get().uri("/api/statements?claimsAdministrator={a}&month=2031-03", administrator)
                .retrieve().body(byte[].class);

        Map<String, String> tokens = Map.of(standard, "{CASE-1}", withdrawn, "{CASE-2}", administrator,
                "{ADMINISTRATOR}", cases.caseRecord(standard).employeeClaimNumber(), "{CLAIM}");
        assertGolden("invoice.txt", invoicePdf, tokens);
        assertGolden("statement.txt", statementPdf, tokens);
        int noInvoices = supervisor().get().uri("/api/statements?claimsAdministrator={a}&month=2031-02", administrator)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(noInvoices).isEqualTo(404);
        int badMonth = supervisor().get().uri("/api/statements?claimsAdministrator={a}&month=March", administrator)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(badMonth).isEqualTo(400);
    }

    private void assertGolden(String name, byte[] pdf, Map<String, String> tokens) {
        String text = text(pdf);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            text = text.replace(token.getKey(), token.getValue());
        }
        try {
            Path actual = Files.createDirectories(Path.of("target", "golden")).resolve(name);
            Files.writeString(actual, text, StandardCharsets.UTF_8);
            assertThat(text).as("%s (rendered text in %s)", name, actual)
                    .isEqualTo(Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String decided(ObjectNode application) {
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        return caseNumber;
    }

    private String fee(String caseNumber) {
        List<Invoice> issued = invoices.forCase(caseNumber);
        assertThat(issued).as("invoices of %s", caseNumber).hasSize(1);
        return issued.get(0).tier() + " " + issued.get(0).amount().setScale(2).toPlainString();
    }

    private void withdraw(String caseNumber) {
        withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("WITHDRAWN");
    }

    /** The seed case with its one item replaced by an opioid: a pharmacy-only review. */
    private static ObjectNode pharmacyOnly(ObjectNode application) {
        ArrayNode items = (ArrayNode) application.get("disputedItems");
        items.removeAll();
        items.addObject().put("requestedTreatment", "Norco 10/325 mg, 60 tablets").put("treatmentCategory", "OPIOID")
                .put("requestDate", application.get("urDecisionDate").asText()).put("dailyMED", 40)
                .put("functionalImprovement", true).put("fourAsDocumented", true).put("aberrantBehavior", false);
        return application;
    }

    /** The seed case with every date moved so that the application is received on that day. */
    private static ObjectNode receivedOn(ObjectNode application, LocalDate received) {
        long shift = ChronoUnit.DAYS.between(LocalDate.parse(application.get("applicationReceivedDate").asText()), received);
        for (String field : List.of("applicationReceivedDate", "applicationSignedDate", "urDecisionDate",
                "urDecisionServedDate")) {
            application.put(field, LocalDate.parse(application.get(field).asText()).plusDays(shift).toString());
        }
        ObjectNode item = TestApplications.item(application, 0);
        item.put("requestDate", LocalDate.parse(item.get("requestDate").asText()).plusDays(shift).toString());
        return application;
    }

    private static ObjectNode administeredBy(ObjectNode application, String administrator) {
        ((ObjectNode) application.get("claimsAdministrator")).put("name", administrator);
        return application;
    }

    private List<String> pastDue() {
        JsonNode list = supervisor().get().uri("/api/invoices/past-due").retrieve().body(JsonNode.class);
        return list.findValuesAsText("number");
    }

    private JsonNode pay(String number, Map<String, Object> body, int status) {
        return supervisor().post().uri("/api/invoices/{n}/payments", number).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).as("payment answer").isEqualTo(status);
                    return response.bodyTo(JsonNode.class);
                });
    }

    private RestClient supervisor() {
        return http("supervisor1", "demo");
    }
}
