package org.openimr.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openimr.system.CaseClock;
import org.openimr.system.ConflictException;
import org.openimr.system.NotFoundException;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The case registry table and the disputed items of each case; every write to them is made here. */
@Repository
public class CaseRegistry {

    private static final String CASE_COLUMNS = """
            id, case_number, process_instance_id, channel, status, stage, outcome, close_reason, expedited,
            application_received_date, ur_decision_date, employee_name, employee_claim_number, employer_name,
            claims_administrator_name, requesting_physician_name, requesting_physician_group, application_json,
            created_at, created_by, closed_at""";

    private static final RowMapper<CaseRecord> CASE_ROW = (rs, rowNum) -> new CaseRecord(rs.getLong("id"),
            rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("channel"),
            rs.getString("status"), rs.getString("stage"), rs.getString("outcome"), rs.getString("close_reason"),
            rs.getBoolean("expedited"), Rows.date(rs, "application_received_date"), Rows.date(rs, "ur_decision_date"),
            rs.getString("employee_name"), rs.getString("employee_claim_number"), rs.getString("employer_name"),
            rs.getString("claims_administrator_name"), rs.getString("requesting_physician_name"),
            rs.getString("requesting_physician_group"), rs.getString("application_json"),
            Rows.instant(rs, "created_at"), rs.getString("created_by"), Rows.instant(rs, "closed_at"));

    private static final RowMapper<StoredItem> ITEM_ROW = (rs, rowNum) -> new StoredItem(rs.getInt("item_no"),
            rs.getString("requested_treatment"), rs.getString("treatment_category"), rs.getString("item_json"),
            rs.getString("recommended_outcome"), rs.getString("recommended_rule_ids"),
            rs.getString("recommended_citation"), rs.getString("recommended_rationale"),
            rs.getString("citation_confidence"), rs.getString("decision"), rs.getString("decision_citation"),
            rs.getString("decision_rationale"), Rows.nullableBoolean(rs, "departs_from_recommendation"),
            rs.getString("decided_by"), Rows.instant(rs, "decided_at"), rs.getString("joined_from_case") == null ? null
                    : new JoinedFrom(rs.getString("joined_from_case"), rs.getInt("joined_from_item"),
                            Rows.instant(rs, "joined_at")));

    private final JdbcClient jdbc;

    CaseRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String caseNumber, String fingerprint, Channel channel, ImrApplication application,
            String applicationJson, String createdBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_case (case_number, application_fingerprint, channel, status, stage, expedited,
                    application_received_date, ur_decision_date, employee_name, employee_claim_number, employer_name,
                    claims_administrator_name, requesting_physician_name, requesting_physician_group,
                    application_json, created_at, created_by)
                values (:caseNumber, :fingerprint, :channel, 'OPEN', 'RECEIVED', :expedited, :received, :urDecision,
                    :employee, :claimNumber, :employer, :claimsAdministrator, :physician, :physicianGroup,
                    :json, :createdAt, :createdBy)""")
                .param("caseNumber", caseNumber)
                .param("fingerprint", fingerprint)
                .param("channel", channel.name())
                .param("expedited", application.expedited())
                .param("received", application.applicationReceivedDate())
                .param("urDecision", application.urDecisionDate())
                .param("employee", application.employee().name())
                .param("claimNumber", application.employee().claimNumber())
                .param("employer", application.employer().name())
                .param("claimsAdministrator", application.claimsAdministrator().name())
                .param("physician", application.requestingPhysician().name())
                .param("physicianGroup", application.requestingPhysician().group())
                .param("json", applicationJson)
                .param("createdAt", Timestamp.from(CaseClock.now()))
                .param("createdBy", createdBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void insertItem(long caseId, int itemNo, DisputedItem item, String itemJson) {
        jdbc.sql("""
                insert into imr_disputed_item (case_id, item_no, requested_treatment, treatment_category, item_json)
                values (?, ?, ?, ?, ?)""")
                .params(caseId, itemNo, item.requestedTreatment(), item.treatmentCategory(), itemJson)
                .update();
    }

    public void linkProcessInstance(long caseId, String processInstanceId) {
        jdbc.sql("update imr_case set process_instance_id = ? where id = ?").params(processInstanceId, caseId).update();
    }

    /** The case of this number, which must exist (404 otherwise): the way in to a case from its number. */
    public CaseRecord caseOf(String caseNumber) {
        return findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
    }

    /** The case a process step works on, named by its {@link CaseVariables#CASE_NUMBER} variable. */
    public CaseRecord caseOf(VariableScope step) {
        return caseOf((String) step.getVariable(CaseVariables.CASE_NUMBER));
    }

    /** The case, which must exist (404 otherwise) and be open (409 otherwise). */
    public CaseRecord openCase(String caseNumber) {
        CaseRecord record = caseOf(caseNumber);
        if (!record.isOpen()) {
            throw new ConflictException("Case " + caseNumber + " is closed (" + record.status() + ")");
        }
        return record;
    }

    /**
     * Whether the case is registered and not yet linked to a process: so only while the intake API's
     * transaction, which registered it, starts its process.
     */
    public boolean awaitsItsProcess(String caseNumber) {
        return findByCaseNumber(caseNumber).filter(record -> record.processInstanceId() == null).isPresent();
    }

    Optional<CaseRecord> findByCaseNumber(String caseNumber) {
        return jdbc.sql("select " + CASE_COLUMNS + " from imr_case where case_number = ?")
                .param(caseNumber).query(CASE_ROW).optional();
    }

    /** The cases this person registered from {@code from} (inclusive) to {@code to}, the latest first. */
    public List<CaseRecord> registeredBy(String user, Instant from, Instant to) {
        return jdbc.sql("select " + CASE_COLUMNS
                        + " from imr_case where created_by = ? and created_at >= ? and created_at < ? order by created_at desc, id desc")
                .params(user, Timestamp.from(from), Timestamp.from(to)).query(CASE_ROW).list();
    }

    public Optional<CaseRecord> findById(long id) {
        return jdbc.sql("select " + CASE_COLUMNS + " from imr_case where id = ?")
                .param(id).query(CASE_ROW).optional();
    }

    public Optional<String> caseNumberWithFingerprint(String fingerprint) {
        return jdbc.sql("select case_number from imr_case where application_fingerprint = ?")
                .param(fingerprint).query(String.class).optional();
    }

    /**
     * Whether another case of the same employee claim already disputes a treatment of the same
     * category and description (eligibility rule E7), leaving out ineligible and withdrawn ones.
     */
    /** An item of another open or decided case that a new application's item repeats. */
    public record EarlierItem(String caseNumber, int itemNo, String status) {
    }

    /**
     * The items of other open or decided cases of the same claim (or, without a claim number, the same
     * employee) with the same treatment and the same UR decision (its date): a new UR decision of the
     * same treatment is a new dispute, not a duplicate (8 CCR 9792.10.3(a)(2)).
     */
    public List<EarlierItem> earlierItemsLike(long caseId, String claimNumber, String employeeName,
            LocalDate urDecisionDate, String category, String requestedTreatment) {
        return jdbc.sql("""
                select c.case_number, i.item_no, c.status from imr_case c join imr_disputed_item i on i.case_id = c.id
                where c.id <> :caseId and c.status in ('OPEN', 'DETERMINATION_ISSUED')
                  and (c.employee_claim_number = :claimNumber
                       or (c.employee_claim_number is null and lower(c.employee_name) = lower(:employee)))
                  and c.ur_decision_date = :urDecisionDate and i.screened_out_reason is null
                  and i.treatment_category = :category and lower(i.requested_treatment) = lower(:treatment)
                order by c.id, i.item_no""")
                .param("caseId", caseId)
                .param("claimNumber", claimNumber)
                .param("employee", employeeName)
                .param("urDecisionDate", urDecisionDate)
                .param("category", category)
                .param("treatment", requestedTreatment)
                .query((rs, n) -> new EarlierItem(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    /**
     * The other open cases an application could be joined into (8 CCR 9792.10.4(a)), the earliest
     * first: the same claim (or, without a claim number, the same employee), the same requesting
     * physician, the same review track (regular or expedited), received from {@code from} to {@code to},
     * in a first review, at one of {@code stages}: {@link #JOINABLE_STAGES} for those found eligible (the
     * notice of assignment sent) and not yet at reviewer selection. The date of injury, kept in the
     * application, the caller compares.
     */
    public List<CaseRecord> consolidationCandidates(CaseRecord record, LocalDate from, LocalDate to,
            List<String> stages) {
        return jdbc.sql("select " + CASE_COLUMNS + """
                 from imr_case c
                where c.id <> :caseId and c.status = 'OPEN' and c.review_no = 1
                  and c.stage in (:stages)
                  and (c.employee_claim_number = :claimNumber
                       or (c.employee_claim_number is null and lower(c.employee_name) = lower(:employee)))
                  and lower(c.requesting_physician_name) = lower(:physician) and c.expedited = :expedited
                  and c.application_received_date between :from and :to
                order by c.application_received_date, c.id""")
                .param("caseId", record.id())
                .param("claimNumber", record.employeeClaimNumber())
                .param("employee", record.employeeName())
                .param("physician", record.requestingPhysicianName().strip())
                .param("expedited", record.expedited())
                .param("from", from)
                .param("to", to)
                .param("stages", stages)
                .query(CASE_ROW).list();
    }

    /** The stages of a case that can still take another application's items: eligible, before reviewer selection. */
    public static final List<String> JOINABLE_STAGES = List.of("AWAITING_RECORDS", "RECORDS_CHECK");

    /** An item joined from another case: its number there and its number in the case it joined. */
    public record JoinedItem(int fromItemNo, int itemNo, String requestedTreatment) {
    }

    /**
     * Moves the items of case {@code from} that are under review into case {@code into}, numbered on
     * after its items, each with its application data and where it came from; on {@code from} they
     * stay on file, marked with where they went, and out of any review. The row of {@code into} is
     * locked first and its stage checked again: a case that moved on to reviewer selection or closed
     * meanwhile takes nothing (an empty answer).
     */
    public List<JoinedItem> joinItems(CaseRecord from, CaseRecord into) {
        boolean stillJoinable = jdbc.sql("""
                update imr_case set stage = stage where id = ? and status = 'OPEN' and review_no = 1
                  and stage in ('AWAITING_RECORDS', 'RECORDS_CHECK')""").param(into.id()).update() == 1;
        if (!stillJoinable) {
            return List.of();
        }
        List<Integer> screenedOut = screenedOutItems(from.id());
        int next = jdbc.sql("select coalesce(max(item_no), 0) from imr_disputed_item where case_id = ?")
                .param(into.id()).query(Integer.class).single();
        List<JoinedItem> joined = new ArrayList<>();
        for (StoredItem item : items(from.id())) {
            if (screenedOut.contains(item.itemNo())) {
                continue;
            }
            next++;
            jdbc.sql("""
                    insert into imr_disputed_item (case_id, item_no, requested_treatment, treatment_category, item_json,
                        joined_from_case, joined_from_item, joined_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(into.id(), next, item.requestedTreatment(), item.treatmentCategory(), item.itemJson(),
                            from.caseNumber(), item.itemNo(), Timestamp.from(CaseClock.now()))
                    .update();
            screenOutItem(from.id(), item.itemNo(), "Joined into IMR case " + into.caseNumber() + " as item (" + next
                    + ") for a single determination (8 CCR 9792.10.4(a)).");
            joined.add(new JoinedItem(item.itemNo(), next, item.requestedTreatment()));
        }
        return joined;
    }

    /** Leaves an item out of the review, with the reason the parties were given. */
    public void screenOutItem(long caseId, int itemNo, String reason) {
        jdbc.sql("update imr_disputed_item set screened_out_reason = ? where case_id = ? and item_no = ?")
                .params(reason, caseId, itemNo).update();
    }

    /** The numbers of the items screening left out of the review, in order. */
    public List<Integer> screenedOutItems(long caseId) {
        return jdbc.sql("""
                select item_no from imr_disputed_item where case_id = ? and screened_out_reason is not null
                order by item_no""").param(caseId).query(Integer.class).list();
    }

    public List<StoredItem> items(long caseId) {
        return jdbc.sql("""
                select item_no, requested_treatment, treatment_category, item_json, recommended_outcome,
                    recommended_rule_ids, recommended_citation, recommended_rationale, citation_confidence, decision,
                    decision_citation, decision_rationale, departs_from_recommendation, decided_by, decided_at,
                    joined_from_case, joined_from_item, joined_at
                from imr_disputed_item where case_id = ? order by item_no""")
                .param(caseId).query(ITEM_ROW).list();
    }

    public void updateStage(String caseNumber, String stage) {
        jdbc.sql("update imr_case set stage = ? where case_number = ?").params(stage, caseNumber).update();
    }

    /** The case turned expedited after its application (the physician certified an imminent threat). */
    public void markExpedited(String caseNumber) {
        jdbc.sql("update imr_case set expedited = true where case_number = ?").param(caseNumber).update();
    }

    /** Closes an open case; returns false when it was already closed. */
    public boolean close(long caseId, CaseStatus status, String outcome, String closeReason) {
        return jdbc.sql("""
                update imr_case set status = ?, outcome = ?, close_reason = ?, closed_at = ?
                where id = ? and status = 'OPEN'""")
                .params(status.name(), outcome, closeReason, Timestamp.from(CaseClock.now()), caseId)
                .update() == 1;
    }

    /** The case's current review: 1, then one more for each remand. */
    public int reviewNo(long caseId) {
        return jdbc.sql("select review_no from imr_case where id = ?").param(caseId).query(Integer.class).single();
    }

    /**
     * Opens review {@code reviewNo} of a case whose determination an order set aside: the case is open
     * again, with no outcome, and the items the order concerns lose their recommendation and decision
     * (the determination ledger, {@link Reviews}, keeps those of the review before). False when the case
     * has no issued determination to reopen, or another remand reopened it first.
     */
    public boolean reopenForRemand(long caseId, int reviewNo, List<Integer> items) {
        boolean reopened = jdbc.sql("""
                update imr_case set status = 'OPEN', stage = 'REMANDED', outcome = null, close_reason = null,
                    closed_at = null, review_no = :reviewNo, sla_status = null, sla_deadline = null, sla_due_at = null,
                    determination_issued_at = null, determination_late = null
                where id = :id and status = 'DETERMINATION_ISSUED' and review_no = :reviewNo - 1""")
                .param("reviewNo", reviewNo)
                .param("id", caseId)
                .update() == 1;
        if (reopened) {
            jdbc.sql("""
                    update imr_disputed_item set recommended_outcome = null, recommended_rule_ids = null,
                        recommended_citation = null, recommended_rationale = null, citation_confidence = null,
                        decision = null, decision_citation = null, decision_rationale = null,
                        departs_from_recommendation = null, decided_by = null, decided_at = null
                    where case_id = :id and item_no in (:items)""")
                    .param("id", caseId)
                    .param("items", items)
                    .update();
        }
        return reopened;
    }

    /** The case's deadline figures as its row keeps them ({@link #storeSla}). */
    public SlaFigures slaFigures(String caseNumber) {
        return jdbc.sql("""
                select sla_status, sla_deadline, sla_due_at, records_due_at, records_days_late, records_complete_at,
                    determination_issued_at, determination_late from imr_case where case_number = ?""")
                .param(caseNumber)
                .query((rs, n) -> new SlaFigures(rs.getString(1), rs.getString(2), Rows.instant(rs, "sla_due_at"),
                        Rows.instant(rs, "records_due_at"), rs.getInt(5), Rows.instant(rs, "records_complete_at"),
                        Rows.instant(rs, "determination_issued_at"), Rows.nullableBoolean(rs, "determination_late")))
                .optional().orElseThrow(() -> new NotFoundException("No case " + caseNumber));
    }

    /** Stores the guideline tables' recommendation beside the disputed item; long texts are cut to their columns. */
    public void storeRecommendation(long caseId, int itemNo, String outcome, List<String> ruleIds, String citation,
            String rationale, String citationConfidence) {
        jdbc.sql("""
                update imr_disputed_item set recommended_outcome = ?, recommended_rule_ids = ?, recommended_citation = ?,
                    recommended_rationale = ?, citation_confidence = ? where case_id = ? and item_no = ?""")
                .params(outcome, String.join(",", ruleIds), truncate(citation, 1000), truncate(rationale, 4000),
                        citationConfidence, caseId, itemNo)
                .update();
    }

    /** Stores the reviewer's decision beside the item's recommendation, so that departures can be counted per rule. */
    public void storeDecision(long caseId, int itemNo, String decision, String citation, String rationale,
            boolean departsFromRecommendation, String decidedBy) {
        jdbc.sql("""
                update imr_disputed_item set decision = ?, decision_citation = ?, decision_rationale = ?,
                    departs_from_recommendation = ?, decided_by = ?, decided_at = ? where case_id = ? and item_no = ?""")
                .params(decision, citation, rationale, departsFromRecommendation, decidedBy,
                        Timestamp.from(CaseClock.now()), caseId, itemNo)
                .update();
    }

    /** A decided item's rationale as corrected after letter QA returned the letter for it. */
    public void correctRationale(long caseId, int itemNo, String rationale) {
        jdbc.sql("update imr_disputed_item set decision_rationale = ? where case_id = ? and item_no = ? and decision is not null")
                .params(rationale, caseId, itemNo).update();
    }

    /**
     * Keeps a case's deadline figures in its row, so that the SLA summary is a few SQL aggregates however
     * many cases are open; {@code onlyIfMissing} leaves a row that has them already.
     */
    public void storeSla(String caseNumber, SlaFigures figures, boolean onlyIfMissing) {
        jdbc.sql("""
                update imr_case set sla_status = :status, sla_deadline = :deadline, sla_due_at = :dueAt,
                    records_due_at = :recordsDueAt, records_days_late = :recordsDaysLate,
                    records_complete_at = :recordsCompleteAt, determination_issued_at = :issuedAt,
                    determination_late = :late
                where case_number = :caseNumber""" + (onlyIfMissing ? " and sla_status is null" : ""))
                .param("status", figures.status())
                .param("deadline", figures.deadline())
                .param("dueAt", timestamp(figures.dueAt()))
                .param("recordsDueAt", timestamp(figures.recordsDueAt()))
                .param("recordsDaysLate", figures.recordsDaysLate())
                .param("recordsCompleteAt", timestamp(figures.recordsCompleteAt()))
                .param("issuedAt", timestamp(figures.determinationIssuedAt()))
                .param("late", figures.determinationLate())
                .param("caseNumber", caseNumber)
                .update();
    }

    /** A case's deadline figures as its row keeps them: the SLA status, the deadline it concerns and its dates. */
    public record SlaFigures(String status, String deadline, Instant dueAt, Instant recordsDueAt, int recordsDaysLate,
            Instant recordsCompleteAt, Instant determinationIssuedAt, Boolean determinationLate) {
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** A disputed item as stored, with the guideline recommendation and the reviewer's decision once made. */
    public record StoredItem(int itemNo, String requestedTreatment, String treatmentCategory, String itemJson,
            String recommendedOutcome, String recommendedRuleIds, String recommendedCitation,
            String recommendedRationale, String citationConfidence, String decision, String decisionCitation,
            String decisionRationale, Boolean departsFromRecommendation, String decidedBy, Instant decidedAt,
            JoinedFrom joinedFrom) {
    }

    /**
     * Where an item joined from another application came from (8 CCR 9792.10.4(a)): that application's
     * case number and its item number there, and when it was joined.
     */
    public record JoinedFrom(String caseNumber, int itemNo, Instant joinedAt) {
    }
}
