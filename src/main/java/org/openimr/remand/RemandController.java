package org.openimr.remand;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.Determination;
import org.openimr.cases.Reviews.Remand;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders that set a case's determination aside, and the case's reviews with their determinations. */
@RestController
@RequestMapping(path = "/api/cases/{caseNumber}/remands", produces = MediaType.APPLICATION_JSON_VALUE)
class RemandController {

    record RemandView(int reviewNo, String issuedBy, String orderReference, LocalDate orderDate,
            LocalDate receivedDate, String ground, List<Integer> items, String note, int setAsideLetterVersion,
            Instant recordedAt, String recordedBy) {

        static RemandView of(Remand remand) {
            return new RemandView(remand.reviewNo(), remand.issuedBy().name(), remand.orderReference(),
                    remand.orderDate(), remand.orderReceivedDate(), remand.ground(), remand.items(), remand.note(),
                    remand.setAsideLetterVersion(), remand.recordedAt(), remand.recordedBy());
        }
    }

    record DeterminationView(int reviewNo, int letterVersion, Instant issuedAt, String outcome, boolean late,
            List<Integer> items, boolean setAside) {
    }

    /** The case's reviews: the first, one per remand; each determination says whether a later order set it aside. */
    record ReviewHistory(String caseNumber, int currentReview, List<RemandView> remands,
            List<DeterminationView> determinations) {
    }

    private final Remands remands;
    private final Reviews reviews;
    private final CaseRegistry registry;

    RemandController(Remands remands, Reviews reviews, CaseRegistry registry) {
        this.remands = remands;
        this.reviews = reviews;
        this.registry = registry;
    }

    @Operation(summary = "Record a WCAB or Division order that sets the case's determination aside; starts the new review")
    @ApiResponse(responseCode = "201", description = "Remand recorded; the new review of its items is under way")
    @ApiResponse(responseCode = "200", description = "The same order (by its reference) was recorded before")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each named with its problem")
    @ApiResponse(responseCode = "409", description = "The case has no issued determination to set aside")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RemandView> record(@PathVariable String caseNumber, @RequestBody JsonNode body, Principal principal) {
        Remands.Recorded recorded = remands.record(caseNumber, Remands.parse(body), principal.getName());
        RemandView view = RemandView.of(recorded.remand());
        return recorded.isNew()
                ? ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/remands")).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }

    @Operation(summary = "The case's reviews: the orders that set determinations aside, and every determination issued")
    @GetMapping
    ReviewHistory history(@PathVariable String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        List<Remand> orders = reviews.remands(record.id());
        List<DeterminationView> determinations = reviews.determinations(record.id()).stream()
                .map(d -> view(d, orders)).toList();
        return new ReviewHistory(caseNumber, registry.reviewNo(record.id()),
                orders.stream().map(RemandView::of).toList(), determinations);
    }

    private static DeterminationView view(Determination determination, List<Remand> orders) {
        boolean setAside = orders.stream().anyMatch(order -> order.reviewNo() == determination.reviewNo() + 1);
        return new DeterminationView(determination.reviewNo(), determination.letterVersion(), determination.issuedAt(),
                determination.outcome(), determination.late(),
                determination.items().stream().map(Reviews.DeterminedItem::itemNo).toList(), setAside);
    }
}
