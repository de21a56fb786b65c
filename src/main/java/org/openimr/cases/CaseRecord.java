package org.openimr.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the case registry. */
public record CaseRecord(
        long id,
        String caseNumber,
        String processInstanceId,
        String channel,
        String status,
        String stage,
        String outcome,
        String closeReason,
        boolean expedited,
        LocalDate applicationReceivedDate,
        LocalDate urDecisionDate,
        String employeeName,
        String employeeClaimNumber,
        String employerName,
        String claimsAdministratorName,
        String requestingPhysicianName,
        String requestingPhysicianGroup,
        String applicationJson,
        Instant createdAt,
        String createdBy,
        Instant closedAt) {

    public boolean isOpen() {
        return CaseStatus.OPEN.name().equals(status);
    }
}
