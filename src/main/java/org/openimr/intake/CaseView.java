package org.openimr.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as GET /api/cases/{caseNumber} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String caseNumber,
        String status,
        String stage,
        String outcome,
        String closeReason,
        String channel,
        boolean expedited,
        LocalDate applicationReceivedDate,
        LocalDate urDecisionDate,
        Instant registeredAt,
        Instant closedAt,
        Deadlines deadlines,
        List<Item> disputedItems) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deadlines(Instant recordsDueAt, Instant recordsCompleteAt, Instant determinationDueAt,
            String slaStatus) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int itemNo, String requestedTreatment, String treatmentCategory, Recommendation recommendation,
            Decision decision, JoinedFrom joinedFrom) {
    }

    /** The application an item was joined from (8 CCR 9792.10.4(a)): its case number, its item number there, when. */
    public record JoinedFrom(String caseNumber, int itemNo, Instant joinedAt) {
    }

    public record Recommendation(String outcome, List<String> ruleIds, String citation, String rationale,
            String citationConfidence) {
    }

    public record Decision(String decision, String citation, String rationale, boolean departsFromRecommendation,
            String decidedBy, Instant decidedAt) {
    }
}
