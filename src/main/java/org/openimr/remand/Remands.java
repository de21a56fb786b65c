package org.openimr.remand;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseStatus;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.Determination;
import org.openimr.cases.Reviews.OrderIssuer;
import org.openimr.cases.Reviews.Remand;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.openimr.system.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Records an order of the WCAB (or the Division) that sets a case's determination aside, and starts
 * the new review it calls for (LC 4610.6(i)): the case process's "Remand ordered" start event, on
 * the same case. The same order recorded again is the same remand, never a second review, and a
 * remand is never screened as a new application (so never refused as a duplicate of its own case).
 */
@Service
public class Remands {

    /** The message of the case process's remand start event. */
    public static final String MESSAGE = "RemandOrdered";

    /** The grounds of LC 4610.6(h) on which an order may set a determination aside. */
    public enum Ground { EXCEEDED_POWERS, FRAUD, CONFLICT_OF_INTEREST, BIAS, PLAINLY_ERRONEOUS_FACT }

    /** An order as the supervisor records it. */
    public record Order(OrderIssuer issuedBy, String reference, LocalDate orderDate, LocalDate receivedDate,
            Ground ground, List<Integer> items, String note) {
    }

    /** The remand and whether this request recorded it (false: the same order was recorded before). */
    public record Recorded(Remand remand, boolean isNew) {
    }

    private static final Logger log = LoggerFactory.getLogger(Remands.class);

    private final CaseRegistry registry;
    private final Reviews reviews;
    private final RuntimeService runtimeService;
    private final RetryingTransactions transactions;

    Remands(CaseRegistry registry, Reviews reviews, RuntimeService runtimeService, RetryingTransactions transactions) {
        this.registry = registry;
        this.reviews = reviews;
        this.runtimeService = runtimeService;
        this.transactions = transactions;
    }

    static Order parse(JsonNode body) {
        InputReader in = InputReader.of(body);
        OrderIssuer issuedBy = in.enumValue("issuedBy", OrderIssuer.class, true);
        String reference = in.text("orderReference", true, 200);
        LocalDate orderDate = in.date("orderDate", true);
        LocalDate receivedDate = in.date("receivedDate", true);
        Ground ground = in.enumValue("ground", Ground.class, false);
        List<Integer> items = in.integers("items", 1, 20, 1, 20);
        String note = in.text("note", false, 2000);
        in.rejectUnknownFields();
        LocalDate today = CaseClock.today();
        if (orderDate != null && orderDate.isAfter(today)) {
            in.problem("orderDate", "must not be in the future");
        }
        if (receivedDate != null && receivedDate.isAfter(today)) {
            in.problem("receivedDate", "must not be in the future");
        }
        if (orderDate != null && receivedDate != null && receivedDate.isBefore(orderDate)) {
            in.problem("receivedDate", "must not be before orderDate");
        }
        in.throwIfInvalid();
        return new Order(issuedBy, reference, orderDate, receivedDate, ground, items.stream().sorted().toList(), note);
    }

    /**
     * Records the order and starts the remand review. A case whose determination is not issued (still
     * under review, ineligible, withdrawn) has nothing to set aside (409).
     */
    public Recorded record(String caseNumber, Order order, String supervisor) {
        try {
            return transactions.run("Remand of case " + caseNumber, () -> recordInTransaction(caseNumber, order, supervisor));
        } catch (DuplicateKeyException raceLost) {
            // Another remand of the case committed first: the same order is that remand; another order must wait.
            CaseRecord record = registry.caseOf(caseNumber);
            return reviews.remandByOrder(record.id(), order.reference()).map(remand -> new Recorded(remand, false))
                    .orElseThrow(() -> new ConflictException("Another remand of case " + caseNumber
                            + " was recorded at the same moment; its new review is under way"));
        }
    }

    private Recorded recordInTransaction(String caseNumber, Order order, String supervisor) {
        CaseRecord record = registry.caseOf(caseNumber);
        var known = reviews.remandByOrder(record.id(), order.reference());
        if (known.isPresent()) {
            return new Recorded(known.get(), false);
        }
        if (!CaseStatus.DETERMINATION_ISSUED.name().equals(record.status())) {
            throw new ConflictException("Case " + caseNumber + " has no issued determination to set aside ("
                    + (record.isOpen() ? "its review is under way" : record.status()) + ")");
        }
        int itemCount = registry.items(record.id()).size();
        for (int i = 0; i < order.items().size(); i++) {
            if (order.items().get(i) > itemCount) {
                throw new InvalidInputException("items[" + i + "]", "case " + caseNumber + " has items 1 to " + itemCount);
            }
        }
        List<Determination> determinations = reviews.determinations(record.id());
        if (determinations.isEmpty()) {
            throw new ConflictException("Case " + caseNumber + " has no determination on record to set aside");
        }
        Determination setAside = determinations.get(determinations.size() - 1);
        LocalDate issued = CaseClock.dateOf(setAside.issuedAt());
        if (order.orderDate().isBefore(issued)) {
            throw new InvalidInputException("orderDate", "must not be before the determination it sets aside ("
                    + issued + ")");
        }
        Remand remand = new Remand(record.id(), registry.reviewNo(record.id()) + 1, order.issuedBy(), order.reference(),
                order.orderDate(), order.receivedDate(), order.ground() == null ? null : order.ground().name(),
                order.items(), order.note(), setAside.letterVersion(), CaseClock.now(), supervisor);
        reviews.recordRemand(remand);
        runtimeService.startProcessInstanceByMessage(MESSAGE, caseNumber,
                Map.of(CaseVariables.CASE_NUMBER, caseNumber, OpenRemandReviewDelegate.REVIEW_NO, remand.reviewNo()));
        log.info("Case {}: remand recorded by {}, review {} of items {}", caseNumber, supervisor, remand.reviewNo(),
                remand.items());
        return new Recorded(remand, true);
    }
}
