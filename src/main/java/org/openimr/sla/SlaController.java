package org.openimr.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
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

/** Deadlines over HTTP: the supervisors' SLA summary and the conversion of a case to expedited review. */
@RestController
class SlaController {

    static final int MAX_WINDOW_DAYS = 366;

    private final SlaSummaries summaries;
    private final ExpeditedConversions conversions;
    private final CaseDeadlines caseDeadlines;
    private final LateRecordsReport lateRecords;

    SlaController(SlaSummaries summaries, ExpeditedConversions conversions, CaseDeadlines caseDeadlines,
            LateRecordsReport lateRecords) {
        this.summaries = summaries;
        this.conversions = conversions;
        this.caseDeadlines = caseDeadlines;
        this.lateRecords = lateRecords;
    }

    @Operation(summary = "Cases to refer to the Division for the late-records penalty (8 CCR 9792.12(c)(6)): "
            + "claims administrator, days late and amount, most days first; as CSV with Accept: text/csv")
    @ApiResponse(responseCode = "403", description = "Only supervisors and administrators read the report")
    @GetMapping(path = "/api/sla/late-records", produces = MediaType.APPLICATION_JSON_VALUE)
    List<LateRecordsReport.Referral> lateRecords() {
        return lateRecords.referrals();
    }

    @GetMapping(path = "/api/sla/late-records", produces = "text/csv")
    ResponseEntity<String> lateRecordsCsv() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"late-records.csv\"")
                .body(LateRecordsReport.csv(lateRecords.referrals()));
    }

    @Operation(summary = "SLA summary for supervisors: open cases by stage and SLA status, the cases closest to "
            + "their deadline, and the average age from complete records to letter over the last `days` days")
    @ApiResponse(responseCode = "403", description = "Only supervisors and administrators read the summary")
    @GetMapping(path = "/api/sla/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    SlaSummary summary(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > MAX_WINDOW_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_WINDOW_DAYS);
        }
        return summaries.summary(days);
    }

    @Operation(summary = "Read a case's deadlines: the one running now, its SLA status, each statutory date and "
            + "the late-records penalty recorded")
    @GetMapping(path = "/api/cases/{caseNumber}/deadlines", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseDeadlines.View deadlines(@PathVariable String caseNumber) {
        return caseDeadlines.view(caseNumber);
    }

    @Operation(summary = "Convert a case to expedited review: the treating physician certified an imminent and "
            + "serious threat to the employee's health (8 CCR 9792.10.4(c)); every open deadline shortens")
    @ApiResponse(responseCode = "400", description = "certificationDate missing, malformed, in the future or before the application")
    @ApiResponse(responseCode = "409", description = "The case is closed, expedited already, or decided already")
    @PostMapping(path = "/api/cases/{caseNumber}/expedite", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseDeadlines.View expedite(@PathVariable String caseNumber, @RequestBody JsonNode body) {
        conversions.convert(caseNumber, ExpeditedConversions.parse(body));
        return caseDeadlines.view(caseNumber);
    }
}
