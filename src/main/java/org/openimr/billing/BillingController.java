package org.openimr.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openimr.billing.InvoiceStore.Invoice;
import org.openimr.billing.InvoiceStore.Payment;
import org.openimr.system.CaseClock;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices, payments and monthly statements, for supervisors. */
@RestController
class BillingController {

    record InvoiceView(String number, String caseNumber, int reviewNo, String claimsAdministrator, FeeTier tier,
            BigDecimal amount, LocalDate scheduleEffectiveFrom, Instant issuedAt, LocalDate dueOn, BigDecimal paid,
            BigDecimal balance, List<Payment> payments) {

        static InvoiceView of(Invoice invoice, List<Payment> payments) {
            return new InvoiceView(invoice.number(), invoice.caseNumber(), invoice.reviewNo(),
                    invoice.claimsAdministrator(), invoice.tier(), invoice.amount(), invoice.scheduleEffectiveFrom(),
                    invoice.issuedAt(), invoice.dueOn(), invoice.paid(), invoice.balance(), payments);
        }
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal MAX_PAYMENT = new BigDecimal("1000000.00");

    private final Invoices invoices;

    BillingController(Invoices invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "A case's invoices, one per review")
    @GetMapping(path = "/api/cases/{caseNumber}/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
    List<InvoiceView> forCase(@PathVariable String caseNumber) {
        return invoices.forCase(caseNumber).stream().map(invoice -> InvoiceView.of(invoice, List.of())).toList();
    }

    @Operation(summary = "An invoice with its payments")
    @GetMapping(path = "/api/invoices/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    InvoiceView invoice(@PathVariable String number) {
        return InvoiceView.of(invoices.invoice(number), invoices.payments(number));
    }

    @Operation(summary = "The invoice as issued (PDF)")
    @GetMapping(path = "/api/invoices/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(invoices.pdf(number));
    }

    @Operation(summary = "Record a payment against an invoice")
    @ApiResponse(responseCode = "201", description = "Payment recorded")
    @ApiResponse(responseCode = "200", description = "A payment with this reference was recorded before")
    @ApiResponse(responseCode = "409", description = "The payment exceeds the invoice's balance")
    @PostMapping(path = "/api/invoices/{number}/payments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvoiceView> pay(@PathVariable String number, @RequestBody JsonNode body, Principal principal) {
        InputReader in = InputReader.of(body);
        BigDecimal amount = in.decimal("amount", true, CENT, MAX_PAYMENT);
        LocalDate receivedOn = in.date("receivedOn", true);
        String reference = in.text("reference", true, 200);
        in.rejectUnknownFields();
        if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            in.problem("amount", "must be in dollars and cents");
        }
        if (receivedOn != null && receivedOn.isAfter(CaseClock.today())) {
            in.problem("receivedOn", "must not be in the future");
        }
        in.throwIfInvalid();
        int before = invoices.payments(number).size();
        invoices.pay(number, amount.setScale(2), receivedOn, reference, principal.getName());
        InvoiceView view = InvoiceView.of(invoices.invoice(number), invoices.payments(number));
        return view.payments().size() > before
                ? ResponseEntity.created(URI.create("/api/invoices/" + number)).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "Unpaid invoices past their due date, the oldest due first")
    @GetMapping(path = "/api/invoices/past-due", produces = MediaType.APPLICATION_JSON_VALUE)
    List<InvoiceView> pastDue() {
        return invoices.unpaidPastDue().stream().map(invoice -> InvoiceView.of(invoice, List.of())).toList();
    }

    @Operation(summary = "Reviews that ended with no invoice because no fee schedule covers their application, to bill by hand")
    @GetMapping(path = "/api/invoices/unbilled", produces = MediaType.APPLICATION_JSON_VALUE)
    List<InvoiceStore.Unbilled> unbilled() {
        return invoices.unbilled();
    }

    @Operation(summary = "A claims administrator's monthly statement (PDF)")
    @GetMapping(path = "/api/statements", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> statement(@RequestParam String claimsAdministrator, @RequestParam String month) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month as 2026-11");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .body(invoices.statement(claimsAdministrator, yearMonth));
    }
}
