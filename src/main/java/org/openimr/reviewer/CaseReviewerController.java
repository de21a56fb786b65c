package org.openimr.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.reviewer.Assignments.Assignment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's reviewer for supervisors: who it is, how they were chosen, and reassignment. */
@RestController
@RequestMapping(path = "/api/cases/{caseNumber}/reviewer", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseReviewerController {

    record CaseReviewerView(String caseNumber, AssignmentView current, List<AssignmentView> history,
            SelectionView latestSelection) {
    }

    record AssignmentView(String userId, int reviewNo, Specialty specialty, Instant assignedAt, String assignedBy,
            String reason, String note, Instant releasedAt, String releaseReason) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.reviewerUserId(), a.reviewNo(), Specialty.valueOf(a.specialty()), a.assignedAt(),
                    a.assignedBy(), a.reason(), a.note(), a.releasedAt(), a.releaseReason());
        }
    }

    record SelectionView(Instant selectedAt, String selectedBy, List<Specialty> fittingSpecialties, String chosen,
            Specialty specialty, List<Selections.CandidateRow> candidates) {
    }

    private final CaseRegistry registry;
    private final CaseReviewers caseReviewers;
    private final Assignments assignments;
    private final Selections selections;

    CaseReviewerController(CaseRegistry registry, CaseReviewers caseReviewers, Assignments assignments,
            Selections selections) {
        this.registry = registry;
        this.caseReviewers = caseReviewers;
        this.assignments = assignments;
        this.selections = selections;
    }

    @Operation(summary = "Read the case's reviewer, the assignment history and the latest selection with why "
            + "each reviewer was not chosen")
    @GetMapping
    CaseReviewerView read(@PathVariable String caseNumber) {
        return view(registry.caseOf(caseNumber));
    }

    @Operation(summary = "Reassign the case to another reviewer (illness, a conflict found late), with the reason")
    @ApiResponse(responseCode = "200", description = "Reassigned; the open reviewer tasks moved")
    @ApiResponse(responseCode = "400", description = "userId or reason missing or invalid, or not a reviewer")
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "409", description = "Closed case, no reviewer yet, items decided, or the reviewer "
            + "is refused (the reasons are given)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseReviewerView reassign(@PathVariable String caseNumber, @RequestBody JsonNode body, Principal principal) {
        RosterRequests.Reassignment request = RosterRequests.reassignment(body);
        caseReviewers.reassign(caseNumber, request.userId(), request.reason(), principal.getName());
        return view(registry.caseOf(caseNumber));
    }

    private CaseReviewerView view(CaseRecord record) {
        SelectionView selection = selections.latest(record.id()).map(run -> new SelectionView(run.selectedAt(),
                run.selectedBy(), Arrays.stream(run.fittingSpecialties().split(",")).map(Specialty::valueOf).toList(),
                run.chosenUserId(), run.specialty() == null ? null : Specialty.valueOf(run.specialty()),
                run.candidates())).orElse(null);
        return new CaseReviewerView(record.caseNumber(),
                assignments.current(record.id()).map(AssignmentView::of).orElse(null),
                assignments.history(record.id()).stream().map(AssignmentView::of).toList(), selection);
    }
}
