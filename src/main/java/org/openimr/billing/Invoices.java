package org.openimr.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openimr.billing.InvoiceStore.Invoice;
import org.openimr.billing.InvoiceStore.Payment;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.AssignedReviewers;
import org.openimr.cases.CaseClosed;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.CaseStatus;
import org.openimr.cases.Reviews;
import org.openimr.letter.LetterService;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.InvalidInputException;
import org.openimr.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims administrator's invoice for each review of a case, issued when the review's fee tier
 * is known: when the case closes, in the transaction that closes it. A step that closes a case and
 * runs again (a retried job) finds the invoice issued and issues none. Payments are recorded
 * against invoices; a monthly statement lists a claims administrator's invoices of the month.
 */
@Service
public class Invoices {

    /** Treatment categories that are medicines: a case of only these is a pharmacy-only review. */
    static final Set<String> PHARMACY_CATEGORIES = Set.of("OPIOID", "NSAID", "MUSCLE_RELAXANT", "AED", "PPI",
            "TOPICAL", "LIDOCAINE_PATCH", "SLEEP_AID");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private static final Logger log = LoggerFactory.getLogger(Invoices.class);

    private final CaseRegistry registry;
    private final Reviews reviews;
    private final AssignedReviewers reviewers;
    private final FeeSchedules schedules;
    private final InvoiceStore store;
    private final LetterService letters;
    private final BillingProperties properties;

    Invoices(CaseRegistry registry, Reviews reviews, AssignedReviewers reviewers, FeeSchedules schedules,
            InvoiceStore store, LetterService letters, BillingProperties properties) {
        this.registry = registry;
        this.reviews = reviews;
        this.reviewers = reviewers;
        this.schedules = schedules;
        this.store = store;
        this.letters = letters;
        this.properties = properties;
    }

    /** Issues the invoice of the review that just ended, once; none when no schedule covers the application. */
    @EventListener
    public void issue(CaseClosed closed) {
        CaseRecord record = registry.findById(closed.caseId()).orElseThrow();
        int reviewNo = registry.reviewNo(record.id());
        if (store.exists(record.id(), reviewNo)) {
            return;
        }
        FeeTier tier = tier(record, closed.status(), reviewNo);
        Optional<FeeSchedules.Fee> fee = schedules.fee(record.applicationReceivedDate(), tier);
        switch (BillingPolicy.decide(properties, closed.status(), reviewNo, fee.isPresent())) {
            case NOT_BILLED -> {
                log.info("Case {}: review {} is not invoiced ({}), as imr.billing configures", record.caseNumber(),
                        reviewNo, reviewNo > 1 ? "a review after a remand" : closed.status());
                return;
            }
            case REFUSED -> {
                log.warn("Case {}: no fee schedule in force on {}; no invoice issued", record.caseNumber(),
                        record.applicationReceivedDate());
                return;
            }
            case FLAGGED -> {
                if (!store.flagged(record.id(), reviewNo)) {
                    store.flagUnbilled(record.id(), reviewNo, "No fee schedule is in force on "
                            + record.applicationReceivedDate() + ", the day the application was received; "
                            + tier.label().toLowerCase(Locale.ROOT), CaseClock.now());
                }
                log.warn("Case {}: no fee schedule in force on {}; listed as unbilled", record.caseNumber(),
                        record.applicationReceivedDate());
                return;
            }
            case INVOICE -> {
                // issued below
            }
        }
        Instant issuedAt = CaseClock.now();
        LocalDate dueOn = CaseClock.dateOf(issuedAt).plusDays(properties.paymentDays());
        String number = "INV-" + record.caseNumber() + "-" + reviewNo;
        byte[] pdf = letters.render("invoice", invoiceModel(record, reviewNo, number, fee.get(), issuedAt, dueOn));
        store.add(number, record.id(), reviewNo, record.claimsAdministratorName(), fee.get(), issuedAt, dueOn, pdf);
        log.info("Case {}: invoice {} issued ({}, {})", record.caseNumber(), number, tier, fee.get().amount());
    }

    /** The tier of the review that ended with the case in this status. */
    FeeTier tier(CaseRecord record, CaseStatus status, int reviewNo) {
        if (status != CaseStatus.DETERMINATION_ISSUED) {
            return reviewers.assignedInReview(record.id(), reviewNo) ? FeeTier.ENDED_AFTER_REVIEWER
                    : FeeTier.ENDED_BEFORE_REVIEWER;
        }
        if (record.expedited()) {
            return FeeTier.EXPEDITED_REVIEW;
        }
        List<Integer> reviewed = reviewNo > 1
                ? reviews.remand(record.id(), reviewNo).map(Reviews.Remand::items).orElse(List.of())
                : List.of();
        boolean pharmacyOnly = registry.items(record.id()).stream()
                .filter(item -> reviewed.isEmpty() || reviewed.contains(item.itemNo()))
                .map(StoredItem::treatmentCategory).allMatch(PHARMACY_CATEGORIES::contains);
        return pharmacyOnly ? FeeTier.PHARMACY_REVIEW : FeeTier.STANDARD_REVIEW;
    }

    public List<Invoice> forCase(String caseNumber) {
        return store.forCase(registry.caseOf(caseNumber).id());
    }

    Invoice invoice(String number) {
        return store.byNumber(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
    }

    byte[] pdf(String number) {
        return store.pdf(invoice(number).id());
    }

    List<Payment> payments(String number) {
        return store.payments(invoice(number).id());
    }

    List<InvoiceStore.Unbilled> unbilled() {
        return store.unbilled();
    }

    List<Invoice> unpaidPastDue() {
        return store.unpaidPastDue(CaseClock.today());
    }

    /**
     * Records a payment against an invoice. The same reference again is the same payment (a resent
     * request), answered as recorded; a payment beyond the balance is refused.
     */
    @Transactional
    public Payment pay(String number, BigDecimal amount, LocalDate receivedOn, String reference, String recordedBy) {
        Invoice invoice = store.lockByNumber(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
        Optional<Payment> known = store.payment(invoice.id(), reference);
        if (known.isPresent()) {
            return known.get();
        }
        if (receivedOn.isBefore(CaseClock.dateOf(invoice.issuedAt()))) {
            throw new InvalidInputException("receivedOn", "must not be before the invoice was issued ("
                    + CaseClock.dateOf(invoice.issuedAt()) + ")");
        }
        if (amount.compareTo(invoice.balance()) > 0) {
            throw new ConflictException("Invoice " + number + " has a balance of " + invoice.balance().toPlainString()
                    + "; the payment of " + amount.toPlainString() + " exceeds it");
        }
        Instant now = CaseClock.now();
        store.addPayment(invoice.id(), amount, receivedOn, reference, recordedBy, now);
        return new Payment(number, amount, receivedOn, reference, recordedBy, now);
    }

    /** A claims administrator's monthly statement: the month's invoices, what was paid, what is owed. */
    byte[] statement(String claimsAdministrator, YearMonth month) {
        Instant from = CaseClock.startOf(month.atDay(1));
        Instant to = CaseClock.startOf(month.plusMonths(1).atDay(1));
        List<Invoice> invoices = store.issuedTo(claimsAdministrator, from, to);
        if (invoices.isEmpty()) {
            throw new NotFoundException("No invoice to " + claimsAdministrator + " in " + month);
        }
        BigDecimal total = invoices.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = invoices.stream().map(Invoice::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> model = new HashMap<>();
        model.put("claimsAdministrator", claimsAdministrator);
        model.put("month", month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear());
        model.put("statementDate", DATE.format(CaseClock.today()));
        model.put("lines", invoices.stream().map(invoice -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("number", invoice.number());
            line.put("caseNumber", invoice.caseNumber());
            line.put("issued", SHORT_DATE.format(CaseClock.dateOf(invoice.issuedAt())));
            line.put("due", SHORT_DATE.format(invoice.dueOn()));
            line.put("tier", invoice.tier().label());
            line.put("amount", money(invoice.amount()));
            line.put("paid", money(invoice.paid()));
            line.put("balance", money(invoice.balance()));
            return line;
        }).toList());
        model.put("total", money(total));
        model.put("paid", money(paid));
        model.put("balance", money(total.subtract(paid)));
        return letters.render("statement", model);
    }

    private Map<String, Object> invoiceModel(CaseRecord record, int reviewNo, String number, FeeSchedules.Fee fee,
            Instant issuedAt, LocalDate dueOn) {
        Map<String, Object> model = new HashMap<>();
        model.put("number", number);
        model.put("caseNumber", record.caseNumber());
        model.put("claimNumber", record.employeeClaimNumber());
        model.put("claimsAdministrator", record.claimsAdministratorName());
        model.put("claimsAdministratorAddress", ApplicationParser.stored(record).claimsAdministrator().address());
        model.put("applicationReceived", DATE.format(record.applicationReceivedDate()));
        model.put("issued", DATE.format(CaseClock.dateOf(issuedAt)));
        model.put("due", DATE.format(dueOn));
        model.put("paymentDays", properties.paymentDays());
        model.put("review", reviewNo > 1 ? reviews.remand(record.id(), reviewNo)
                .map(order -> "Review after remand (order " + order.orderReference() + ")").orElse("Review " + reviewNo)
                : "Review");
        model.put("tier", fee.tier().label());
        model.put("amount", money(fee.amount()));
        model.put("scheduleEffectiveFrom", DATE.format(fee.scheduleEffectiveFrom()));
        model.put("source", fee.source());
        return model;
    }


    static String money(BigDecimal amount) {
        return "$" + String.format(Locale.US, "%,.2f", amount);
    }
}
