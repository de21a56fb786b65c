package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The bare process started and given its records through the engine's Java API in this JVM, by
 * the same user with the same variables as {@link BareCaseFlow} sends over HTTP: with
 * {@link EngineTaskWork}, what the engine alone costs a case on this machine.
 */
final class EngineBareCaseFlow implements CaseFlow {

    private final EngineTaskWork work;
    private final String runId;

    EngineBareCaseFlow(EngineTaskWork work, String runId) {
        this.work = work;
        this.runId = runId;
    }

    @Override
    public String name() {
        return "bare process in-process";
    }

    @Override
    public String submit(int caseIndex) {
        String key = BareCaseFlow.businessKey(runId, caseIndex);
        work.as(BareCaseFlow.INTAKE, () -> work.engine().getRuntimeService()
                .createProcessInstanceByKey(BareCaseFlow.PROCESS_KEY).businessKey(key)
                .setVariables(BareCaseFlow.facts(key, caseIndex)).execute());
        return key;
    }

    @Override
    public void deliverRecords(String businessKey) {
        work.as(BareCaseFlow.INTAKE, () -> work.engine().getRuntimeService()
                .createMessageCorrelation(BareCaseFlow.RECORDS_MESSAGE).processInstanceBusinessKey(businessKey)
                .correlateWithResult());
    }

    @Override
    public Map<String, Object> decision(JsonNode formVariables) {
        return BareCaseFlow.decision();
    }
}
