package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openimr.CaseDriver;
import org.openimr.TestApplications;
import org.openimr.system.CaseClock;

/**
 * The application's IMR case: applications through POST /api/cases, records through
 * POST /api/cases/{n}/records. Each application is the seed case received today (so that no SLA
 * timer is already due) with its own employee and 1 to 4 disputed items drawn from massage,
 * chiropractic, an opioid and acupuncture: 1 item in 55 % of cases, 2 in 32 %, 3 in 10 %, 4 in 3 %
 * (mean 1.61, as in California's letters).
 */
public final class ImrCaseFlow implements CaseFlow {

    private static final String INTAKE = "intake1";

    private final StaffClient staff;
    private final List<ObjectNode> itemPool;

    public ImrCaseFlow(StaffClient staff) {
        this.staff = staff;
        ObjectNode three = TestApplications.threeItemCase();
        ObjectNode acupuncture = three.objectNode()
                .put("requestedTreatment", "Acupuncture, lumbar spine, 2 times a week for 3 weeks")
                .put("treatmentCategory", "ACUPUNCTURE")
                .put("bodyRegion", "LUMBAR")
                .put("medsReducedOrNotTolerated", true)
                .put("sessionsPerWeek", 2)
                .put("priorUnits", 0)
                .put("requestedUnits", 6);
        this.itemPool = List.of(TestApplications.item(three, 0), TestApplications.item(three, 1),
                TestApplications.item(three, 2), acupuncture);
    }

    @Override
    public String name() {
        return "IMR case";
    }

    /** 1 to 4 items with the California mix; the same for case i in every run. */
    public static int itemCount(int caseIndex) {
        int draw = new SplittableRandom(caseIndex).nextInt(100);
        return draw < 55 ? 1 : draw < 87 ? 2 : draw < 97 ? 3 : 4;
    }

    @Override
    public String submit(int caseIndex) {
        JsonNode created = staff.post(INTAKE, "/api/cases", application(caseIndex));
        return created.get("caseNumber").asText();
    }

    @Override
    public void deliverRecords(String caseNumber) {
        staff.post(INTAKE, "/api/cases/" + caseNumber + "/records", Map.of("documents", List.of(
                Map.of("title", "Primary treating physician's progress report (PR-2)", "author", "Dr. Test Physician",
                        "date", LocalDate.now(CaseClock.CALIFORNIA).minusDays(32).toString(), "pages", 30),
                Map.of("title", "Utilization review determination", "author", "Sierra Claims Administrators",
                        "date", LocalDate.now(CaseClock.CALIFORNIA).minusDays(17).toString(), "pages", 24))));
    }

    /** The reviewer establishes the item's facts as they stand: a decision needs every fact the table reads. */
    @Override
    public void beforeDecision(String reviewer, JsonNode formVariables) {
        String facts = "/api/cases/" + formVariables.at("/caseNumber/value").asText() + "/items/"
                + formVariables.at("/itemNo/value").asInt() + "/facts";
        staff.put(reviewer, facts, CaseDriver.factsAsGiven(staff.get(reviewer, facts)));
    }

    /** Follows a definite recommendation; where it needs physician judgement, decides with a citation of its own. */
    @Override
    public Map<String, Object> decision(JsonNode formVariables) {
        String recommended = formVariables.at("/recommendedOutcome/value").asText();
        Map<String, Object> answers = new HashMap<>();
        switch (recommended) {
            case "MEDICALLY_NECESSARY" -> answers.put("decision", "OVERTURNED");
            case "NOT_MEDICALLY_NECESSARY" -> answers.put("decision", "UPHELD");
            default -> {
                answers.put("decision", "UPHELD");
                answers.put("ownCitation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), page 80 of 127");
                answers.put("ownRationale", "The reviewer weighed the documented function and monitoring.");
            }
        }
        return answers;
    }

    private ObjectNode application(int caseIndex) {
        ObjectNode application = TestApplications.seedCase();
        LocalDate today = LocalDate.now(CaseClock.CALIFORNIA);
        // The seed case's dates moved to today, keeping their distances (signed 5 days before receipt, etc.).
        application.put("applicationReceivedDate", today.toString());
        application.put("applicationSignedDate", today.minusDays(5).toString());
        application.put("urDecisionDate", today.minusDays(17).toString());
        application.put("urDecisionServedDate", today.minusDays(14).toString());
        ArrayNode items = application.putArray("disputedItems");
        for (int i = 0; i < itemCount(caseIndex); i++) {
            items.add(itemPool.get(i).deepCopy().put("requestDate", today.minusDays(24).toString()));
        }
        return application;
    }
}
