package org.openimr.casepage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.openimr.cases.CaseLabels;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case page's API (static/case.html): a case's overview and its timeline, for the people on
 * the case ({@link CasePageApiAccess}); the case search and the record of searches (static/case-search.html);
 * the words for a case's codes, for every page that shows them.
 */
@RestController
class CasePageController {

    record Timeline(String caseNumber, String timeZone, List<TimelineEntry> entries) {
    }

    private final CaseRegistry registry;
    private final CaseOverviews overviews;
    private final CaseTimeline timeline;
    private final CaseSearches searches;

    CasePageController(CaseRegistry registry, CaseOverviews overviews, CaseTimeline timeline, CaseSearches searches) {
        this.registry = registry;
        this.overviews = overviews;
        this.timeline = timeline;
        this.searches = searches;
    }

    @Operation(summary = "A case for its page: parties, disputed items with recommendation and decision, stage, "
            + "deadlines in California time, documents and letters with their versions and QA notes")
    @ApiResponse(responseCode = "403", description = "The case is not one of the caller's cases, or does not exist")
    @GetMapping(path = "/api/cases/{caseNumber}/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseOverviews.Overview overview(@PathVariable String caseNumber) {
        return overviews.of(registry.caseOf(caseNumber));
    }

    @Operation(summary = "A case's timeline, oldest first: what the application recorded and the engine's history "
            + "(each task with who completed it and when, reassignments, events)")
    @ApiResponse(responseCode = "403", description = "The case is not one of the caller's cases, or does not exist")
    @GetMapping(path = "/api/cases/{caseNumber}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline timeline(@PathVariable String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        return new Timeline(record.caseNumber(), TimelineEntry.CALIFORNIA_TIME.getZone().getId(), timeline.of(record));
    }

    @Operation(summary = "The words for a case's codes (stages, statuses, SLA statuses, deadlines), by code, "
            + "in the order a case passes them: what the case page, the case search and Cockpit's SLA dashboard show")
    @GetMapping(path = "/api/case-labels", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Map<String, String>> labels() {
        return CaseLabels.all();
    }

    @Operation(summary = "Find cases by case number (or its start), claim number, employee name, date of birth, "
            + "stage, SLA status or status (open, closed, any); at most 100, newest first. Each search that "
            + "returns a case is recorded. Intake staff find open cases only.")
    @ApiResponse(responseCode = "400", description = "No criterion, or a malformed one, each named")
    @GetMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseSearches.Result search(
            @Parameter(description = "number, claim, name, dateOfBirth (yyyy-mm-dd), stage, sla "
                    + "(ON_TRACK, AT_RISK, BREACHED), status (open, closed, any; any when absent)")
            @RequestParam Map<String, String> query, Authentication user) {
        return searches.search(CaseSearches.criteria(query), user, seesEveryCase(user));
    }

    @Operation(summary = "The searches that returned cases: who searched, for what, which cases; latest first, "
            + "at most 500; of one case when caseNumber is given")
    @GetMapping(path = "/api/case-searches", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CaseSearches.Search> searches(@RequestParam(required = false) String caseNumber) {
        return searches.searches(caseNumber);
    }

    private static boolean seesEveryCase(Authentication user) {
        List<String> everyCase = List.of(Roles.authority(Roles.SUPERVISOR), Roles.authority(Roles.ADMIN));
        return user.getAuthorities().stream().anyMatch(a -> everyCase.contains(a.getAuthority()));
    }
}
