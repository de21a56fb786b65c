package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openimr.system.CaseClock;

/**
 * The bare benchmark process (src/tools/resources/benchmark/bare-case.bpmn) driven like the IMR case:
 * started over the engine's REST API by intake staff with the case's plain facts as 17 variables
 * (its number of disputed items and the reviewer among them, as a selection would have set), records
 * delivered as a message correlated by business key, the same tasks done by the same users.
 */
public final class BareCaseFlow implements CaseFlow {

    public static final String PROCESS_KEY = "bare-case";
    static final String RECORDS_MESSAGE = "BareRecordsReceived";
    /** The intake clerk who starts bare cases and delivers their records. */
    static final String INTAKE = "intake1";

    private final StaffClient staff;
    private final String runId;

    public BareCaseFlow(StaffClient staff, String runId) {
        this.staff = staff;
        this.runId = runId;
    }

    @Override
    public String name() {
        return "bare process";
    }

    @Override
    public String submit(int caseIndex) {
        String key = businessKey(runId, caseIndex);
        Map<String, Object> variables = new LinkedHashMap<>();
        facts(key, caseIndex).forEach((name, value) -> variables.put(name, Map.of("value", value)));
        staff.post(INTAKE, "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
                Map.of("businessKey", key, "variables", variables));
        return key;
    }

    static String businessKey(String runId, int caseIndex) {
        return "BARE-" + runId + "-" + caseIndex;
    }

    /** The reviewer's answer to each bare decision form. */
    static Map<String, Object> decision() {
        return Map.of("decision", "UPHELD");
    }

    /** The 17 plain variables a bare case starts with. */
    static Map<String, Object> facts(String key, int caseIndex) {
        LocalDate today = LocalDate.now(CaseClock.CALIFORNIA);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("caseNumber", key);
        facts.put("applicationReceivedDate", today.toString());
        facts.put("applicationSignedDate", today.minusDays(5).toString());
        facts.put("urDecisionDate", today.minusDays(17).toString());
        facts.put("urDecisionServedDate", today.minusDays(14).toString());
        facts.put("filedBy", "EMPLOYEE");
        facts.put("expedited", false);
        facts.put("noticeDelivery", "MAIL");
        facts.put("employeeName", "Test Employee " + caseIndex);
        facts.put("claimNumber", "CLAIM-" + key);
        facts.put("employerName", "Central Valley Packing Co.");
        facts.put("claimsAdministratorName", "Sierra Claims Administrators");
        facts.put("requestingPhysicianName", "Dr. Test Physician");
        facts.put("caseStage", "AWAITING_RECORDS");
        facts.put("slaStatus", "ON_TRACK");
        facts.put("itemCount", ImrCaseFlow.itemCount(caseIndex));
        facts.put("reviewerUserId", "reviewer" + (1 + caseIndex % 12));
        return facts;
    }

    @Override
    public void deliverRecords(String businessKey) {
        staff.post(INTAKE, "/engine-rest/message", Map.of("messageName", RECORDS_MESSAGE,
                "businessKey", businessKey));
    }

    @Override
    public Map<String, Object> decision(JsonNode formVariables) {
        return decision();
    }
}
