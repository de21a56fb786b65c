package org.openimr.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.ImrApplication;

/**
 * The JSON body of POST /api/cases, for the OpenAPI description only: the request is read by
 * {@link ApplicationParser}, which reports every bad field at once.
 */
@Schema(name = "ImrApplication", description = "An application for Independent Medical Review (DWC Form IMR)")
record ApplicationDocumentation(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Date the IMR organization received the application")
        LocalDate applicationReceivedDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Signed by the employee or representative")
        boolean signed,
        @Schema(description = "Date signed; required when signed") LocalDate applicationSignedDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"EMPLOYEE", "REPRESENTATIVE", "EMPLOYER", "CLAIMS_ADMINISTRATOR", "OTHER"})
        String filedBy,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate urDecisionDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Date the UR decision was served on the employee")
        LocalDate urDecisionServedDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"DENIED", "MODIFIED", "DELAYED", "CONDITIONALLY_NON_CERTIFIED", "NOT_FOR_MEDICAL_NECESSITY"})
        String urDecisionType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean urDecisionAttached,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean liabilityDisputed,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean expedited,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"MAIL", "ELECTRONIC"},
                description = "How the notice of assignment goes out: sets the records deadline (15 or 12 days)")
        String noticeDelivery,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Employee employee,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Party employer,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Party claimsAdministrator,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Physician requestingPhysician,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 20 disputed items. Fields: "
                + "requestedTreatment (required), treatmentCategory (required), requestDate (required), and the "
                + "guideline inputs of shared/domain/guideline-rules.md §2.3 (bodyRegion, priorUnits, "
                + "requestedUnits, adjunctToActiveTherapy, functionalImprovement, ...). Unknown fields are rejected.")
        List<Map<String, Object>> disputedItems) {

    record Employee(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, LocalDate dateOfBirth,
            LocalDate dateOfInjury, String claimNumber, String address, String representative) {
    }

    record Party(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String address) {
    }

    record Physician(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String specialty, String group,
            String address) {
    }
}
