package org.openimr.sla;

import static org.openimr.sla.SlaVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.SlaFigures;
import org.openimr.cases.CaseVariables;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies a case's deadline variables into its registry row (the case registry writes it), in the
 * transaction that changed them, so that the SLA summary is a few SQL aggregates however many cases
 * are open. The variables stay the source Cockpit, Tasklist and the timers read; every step that
 * changes them calls {@link #copy}.
 */
@Component
class SlaRecord {

    static final List<String> VARIABLES = List.of(SLA_STATUS, SLA_DEADLINE, SLA_DUE_AT, RECORDS_DUE_AT,
            RECORDS_DAYS_LATE, RECORDS_COMPLETE_AT, DETERMINATION_ISSUED_AT, DETERMINATION_LATE);

    private final JdbcClient jdbc;
    private final CaseRegistry registry;
    private final RuntimeService runtimeService;

    SlaRecord(JdbcClient jdbc, CaseRegistry registry, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.runtimeService = runtimeService;
    }

    void copy(VariableScope execution) {
        registry.storeSla((String) execution.getVariable(CaseVariables.CASE_NUMBER), figures(execution::getVariable),
                false);
    }

    /**
     * Open cases whose deadline started before the registry kept it (databases of an earlier
     * version) get it copied once; afterwards this finds only cases not yet past eligibility.
     */
    @EventListener(ApplicationReadyEvent.class)
    void copyMissing() {
        List<Row> missing = jdbc.sql("""
                select case_number, process_instance_id from imr_case
                where status = 'OPEN' and sla_status is null and process_instance_id is not null""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
        for (Row row : missing) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(row.processInstanceId()).count() == 1) {
                var variables = runtimeService.getVariables(row.processInstanceId(), VARIABLES);
                if (variables.get(SLA_STATUS) != null) {
                    // Only if still missing: a step of the case may have copied newer values meanwhile.
                    registry.storeSla(row.caseNumber(), figures(variables::get), true);
                }
            }
        }
    }

    private record Row(String caseNumber, String processInstanceId) {
    }

    private static SlaFigures figures(Function<String, Object> variables) {
        return new SlaFigures(text(variables.apply(SLA_STATUS)), text(variables.apply(SLA_DEADLINE)),
                instant(variables.apply(SLA_DUE_AT)), instant(variables.apply(RECORDS_DUE_AT)),
                variables.apply(RECORDS_DAYS_LATE) instanceof Number n ? n.intValue() : 0,
                instant(variables.apply(RECORDS_COMPLETE_AT)), instant(variables.apply(DETERMINATION_ISSUED_AT)),
                (Boolean) variables.apply(DETERMINATION_LATE));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
