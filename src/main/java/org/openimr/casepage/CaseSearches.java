package org.openimr.casepage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openimr.cases.CaseSearchLog;
import org.openimr.cases.CaseStatus;
import org.openimr.system.InputReader;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases by what a caller on the telephone can say (case number, claim number, the employee's
 * name or date of birth) or by where they stand (stage, SLA status, open or closed), closed cases
 * included: Cockpit shows running process instances only. Intake staff find open cases only, as
 * they may read only those (cases.CaseAccess). Every search that returns a case is recorded, with who
 * asked, what and which cases it returned, for the supervisors (imr_case_search).
 */
@Component
class CaseSearches {

    /** The most cases one search returns; a caller narrows the search for more. */
    static final int MOST = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SLA_STATUSES = List.of("ON_TRACK", "AT_RISK", "BREACHED");
    private static final List<String> STATES = List.of("OPEN", "CLOSED", "ANY");

    record Criteria(String number, String claim, String name, LocalDate dateOfBirth, String stage, String sla,
            String state) {

        /** The criteria as the record of searches keeps them: only those given, in a fixed order. */
        String described() {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("number", number);
            given.put("claim", claim);
            given.put("name", name);
            given.put("dateOfBirth", dateOfBirth);
            given.put("stage", stage);
            given.put("sla", sla);
            given.put("status", state);
            return given.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Found(String caseNumber, String status, String stage, String slaStatus, Instant dueAt, String dueCalifornia,
            String employeeName, LocalDate dateOfBirth, String claimNumber, String claimsAdministrator,
            LocalDate applicationReceivedDate, Instant closedAt, String outcome, String page) {
    }

    record Result(String searched, int count, boolean more, boolean openCasesOnly, List<Found> cases) {
    }

    record Search(Instant at, String when, String user, String criteria, int results, List<String> caseNumbers) {
    }

    private final JdbcClient jdbc;
    private final CaseSearchLog searchLog;

    CaseSearches(JdbcClient jdbc, CaseSearchLog searchLog) {
        this.jdbc = jdbc;
        this.searchLog = searchLog;
    }

    /** Reads the query's criteria strictly: at least one, each well formed, every problem named. */
    static Criteria criteria(Map<String, String> query) {
        ObjectNode body = JSON.createObjectNode();
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                body.put(name, value.strip());
            }
        });
        InputReader in = InputReader.of(body);
        String number = in.text("number", false, 16);
        String claim = in.text("claim", false, 64);
        String name = in.text("name", false, 200);
        LocalDate dateOfBirth = in.date("dateOfBirth", false);
        String stage = in.text("stage", false, 32);
        String sla = in.oneOf("sla", false, SLA_STATUSES);
        String state = in.oneOf("status", false, STATES);
        in.rejectUnknownFields();
        if (name != null && name.length() < 2) {
            in.problem("name", "must have at least 2 letters");
        }
        if (number == null && claim == null && name == null && dateOfBirth == null && stage == null && sla == null
                && state == null) {
            in.problem("number", "give a case number, claim number, name, date of birth, stage, SLA status or status");
        }
        in.throwIfInvalid();
        return new Criteria(number, claim, name, dateOfBirth, stage == null ? null : stage.toUpperCase(Locale.ROOT),
                sla, state == null ? null : state.toLowerCase(Locale.ROOT));
    }

    @Transactional
    Result search(Criteria criteria, Authentication user, boolean seesClosedCases) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (criteria.number() != null) {
            where.append(" and upper(case_number) like ?");
            params.add(criteria.number().toUpperCase(Locale.ROOT) + "%");
        }
        if (criteria.claim() != null) {
            where.append(" and upper(employee_claim_number) = ?");
            params.add(criteria.claim().toUpperCase(Locale.ROOT));
        }
        if (criteria.name() != null) {
            where.append(" and lower(employee_name) like ?");
            params.add("%" + criteria.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", "%") + "%");
        }
        if (criteria.dateOfBirth() != null) {
            // The application is kept as written at intake, compact JSON: the date of birth is its one dateOfBirth.
            where.append(" and application_json like ?");
            params.add("%\"dateOfBirth\":\"" + criteria.dateOfBirth() + "\"%");
        }
        if (criteria.stage() != null) {
            where.append(" and stage = ?");
            params.add(criteria.stage());
        }
        if (criteria.sla() != null) {
            where.append(" and sla_status = ? and status = ?");
            params.add(criteria.sla());
            params.add(CaseStatus.OPEN.name());
        }
        boolean openOnly = !seesClosedCases || "open".equals(criteria.state());
        if (openOnly) {
            where.append(" and status = ?");
            params.add(CaseStatus.OPEN.name());
        } else if ("closed".equals(criteria.state())) {
            where.append(" and status <> ?");
            params.add(CaseStatus.OPEN.name());
        }
        List<Found> found = jdbc.sql("""
                select case_number, status, stage, sla_status, sla_due_at, employee_name, employee_claim_number,
                    claims_administrator_name, application_received_date, closed_at, outcome, application_json
                from imr_case where %s order by created_at desc, id desc fetch first %d rows only""".formatted(where, MOST + 1))
                .params(params).query((rs, n) -> new Found(rs.getString("case_number"), rs.getString("status"),
                        rs.getString("stage"), rs.getString("sla_status"), Rows.instant(rs, "sla_due_at"),
                        california(Rows.instant(rs, "sla_due_at")), rs.getString("employee_name"),
                        dateOfBirth(rs.getString("application_json")), rs.getString("employee_claim_number"),
                        rs.getString("claims_administrator_name"), Rows.date(rs, "application_received_date"),
                        Rows.instant(rs, "closed_at"), rs.getString("outcome"),
                        "/case.html?number=" + rs.getString("case_number")))
                .list();
        boolean more = found.size() > MOST;
        List<Found> shown = more ? found.subList(0, MOST) : found;
        searchLog.record(user.getName(), criteria.described(), shown.stream().map(Found::caseNumber).toList());
        return new Result(criteria.described(), shown.size(), more, openOnly, shown);
    }

    /** The searches that returned cases, latest first; of one case when it is named. */
    List<Search> searches(String caseNumber) {
        String where = caseNumber == null ? "" : " where ',' || case_numbers || ',' like ?";
        List<Object> params = caseNumber == null ? List.of() : List.of("%," + caseNumber + ",%");
        return jdbc.sql("select searched_at, searched_by, criteria, result_count, case_numbers from imr_case_search"
                + where + " order by searched_at desc, id desc fetch first 500 rows only")
                .params(params).query((rs, n) -> new Search(Rows.instant(rs, "searched_at"),
                        california(Rows.instant(rs, "searched_at")), rs.getString("searched_by"),
                        rs.getString("criteria"), rs.getInt("result_count"),
                        List.of(rs.getString("case_numbers").split(","))))
                .list();
    }

    private static String california(Instant at) {
        return at == null ? null : TimelineEntry.CALIFORNIA_TIME.format(at);
    }

    private static LocalDate dateOfBirth(String applicationJson) {
        try {
            JsonNode born = JSON.readTree(applicationJson).path("employee").path("dateOfBirth");
            return born.isTextual() ? LocalDate.parse(born.asText()) : null;
        } catch (JsonProcessingException | DateTimeParseException e) {
            return null;
        }
    }
}
