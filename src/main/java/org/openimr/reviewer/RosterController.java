package org.openimr.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reviewer roster for supervisors (see {@link ReviewerApiAccess}). */
@RestController
@RequestMapping(path = "/api/reviewers", produces = MediaType.APPLICATION_JSON_VALUE)
class RosterController {

    record DeclaredView(ReviewerView reviewer, long affiliationId, List<String> conflictingOpenCases) {
    }

    private final Roster roster;
    private final RosterManagement management;

    RosterController(Roster roster, RosterManagement management) {
        this.roster = roster;
        this.management = management;
    }

    @Operation(summary = "List the roster: qualifications, capacity, open cases, declared ties")
    @GetMapping
    List<ReviewerView> list() {
        return roster.all().stream().map(ReviewerView::of).toList();
    }

    @Operation(summary = "Read one reviewer")
    @GetMapping("/{userId}")
    ReviewerView read(@PathVariable String userId) {
        return ReviewerView.of(management.get(userId));
    }

    @Operation(summary = "Add a reviewer (a user of the reviewer group)")
    @ApiResponse(responseCode = "201", description = "Added; Location names the reviewer")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each named with its problem")
    @ApiResponse(responseCode = "409", description = "The user is in the roster already")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReviewerView> add(@RequestBody JsonNode body, Principal principal) {
        Reviewer reviewer = management.add(RosterRequests.newReviewer(body), principal.getName());
        return ResponseEntity.created(URI.create("/api/reviewers/" + reviewer.userId())).body(ReviewerView.of(reviewer));
    }

    @Operation(summary = "Change a reviewer: any of displayName, clinicalPracticeSince, hoursPerWeek, capacity, "
            + "specialties, licenceStates (lists are replaced whole)")
    @PatchMapping(path = "/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewerView change(@PathVariable String userId, @RequestBody JsonNode body, Principal principal) {
        return ReviewerView.of(management.change(userId, RosterRequests.change(body), principal.getName()));
    }

    @Operation(summary = "Deactivate a reviewer: no new cases; open ones stay until reassigned")
    @PostMapping("/{userId}/deactivation")
    ReviewerView deactivate(@PathVariable String userId, Principal principal) {
        return ReviewerView.of(management.setActive(userId, false, principal.getName()));
    }

    @Operation(summary = "Activate a reviewer again")
    @PostMapping("/{userId}/activation")
    ReviewerView activate(@PathVariable String userId, Principal principal) {
        return ReviewerView.of(management.setActive(userId, true, principal.getName()));
    }

    @Operation(summary = "Declare a reviewer's tie to a party; the answer lists the reviewer's open cases it touches")
    @ApiResponse(responseCode = "201", description = "Declared")
    @PostMapping(path = "/{userId}/affiliations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeclaredView> declare(@PathVariable String userId, @RequestBody JsonNode body, Principal principal) {
        RosterManagement.Declared declared = management.declare(userId, RosterRequests.newAffiliation(body),
                principal.getName());
        return ResponseEntity.status(201).body(new DeclaredView(ReviewerView.of(declared.reviewer()),
                declared.affiliationId(), declared.conflictingOpenCases()));
    }
}
