package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What differs between the processes the staff drive: how a case starts, how its records arrive, and
 * what a decision form asks. Everything else (finding a case's open tasks, claiming, submitting forms
 * as the right user) is {@link BenchmarkDriver}'s.
 */
public interface CaseFlow {

    /** A short name for the output. */
    String name();

    /** Submits one application as intake staff; returns the case's business key. */
    String submit(int caseIndex);

    /** The claims administrator's records arrive for the case. */
    void deliverRecords(String businessKey);

    /** The reviewer's answers to a disputed item's form, given the form's variables. */
    Map<String, Object> decision(JsonNode formVariables);

    /** What the reviewer does before deciding an item (e.g. establish its facts); nothing by default. */
    default void beforeDecision(String reviewer, JsonNode formVariables) {
    }
}
