package org.openimr.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.openimr.cases.ApplicationParser;
import org.openimr.system.InputReader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The IMR application API: submit an application, read a case, withdraw it. */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private final IntakeService intake;
    private final CaseViews caseViews;
    private final Withdrawals withdrawals;
    private final RegisteredToday registeredToday;

    CaseController(IntakeService intake, CaseViews caseViews, Withdrawals withdrawals,
            RegisteredToday registeredToday) {
        this.intake = intake;
        this.caseViews = caseViews;
        this.withdrawals = withdrawals;
        this.registeredToday = registeredToday;
    }

    @Operation(summary = "Submit an IMR application",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ApplicationDocumentation.class))))
    @ApiResponse(responseCode = "201", description = "Case registered; Location names it. deprecatedFields lists "
            + "each fact given under a former name: the item (numbered from 1), the name given and its name now")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each named with its problem")
    @ApiResponse(responseCode = "409", description = "The same application is registered already")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmittedCase> submit(@RequestBody JsonNode body, Principal principal) {
        String caseNumber = intake.submit(ApplicationParser.parse(body), principal.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber))
                .body(new SubmittedCase(caseViews.view(caseNumber), deprecatedFields(body)));
    }

    private static List<SubmittedCase.DeprecatedField> deprecatedFields(JsonNode application) {
        List<SubmittedCase.DeprecatedField> deprecated = new ArrayList<>();
        JsonNode items = application.path("disputedItems");
        for (int i = 0; i < items.size(); i++) {
            int itemNo = i + 1;
            ApplicationParser.formerNamesUsed(InputReader.of(items.get(i))).forEach((field, replacedBy) ->
                    deprecated.add(new SubmittedCase.DeprecatedField(itemNo, field, replacedBy)));
        }
        return deprecated;
    }

    @Operation(summary = "The cases I registered today (California time), the latest first, each with its case page")
    @GetMapping("/registered-today")
    List<RegisteredToday.RegisteredCase> registeredToday(Principal principal) {
        return registeredToday.of(principal.getName());
    }

    @Operation(summary = "Read a case: stage, deadlines, disputed items, decisions and outcome")
    @GetMapping("/{caseNumber}")
    CaseView read(@PathVariable String caseNumber) {
        return caseViews.view(caseNumber);
    }

    @Operation(summary = "Withdraw a case: the employee withdrew, or the claims administrator authorized the treatment")
    @PostMapping(path = "/{caseNumber}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseView withdraw(@PathVariable String caseNumber, @RequestBody JsonNode body) {
        withdrawals.withdraw(caseNumber, Withdrawals.parse(body));
        return caseViews.view(caseNumber);
    }
}
