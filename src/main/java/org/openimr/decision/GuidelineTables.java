package org.openimr.decision;

import java.util.List;
import java.util.Map;

/**
 * Where the guideline decision tables come from: the engine's latest deployed tables (cases,
 * with history), or a set parsed into a standalone DMN engine (test cases, benchmark, impact
 * analysis of changed tables). {@link GuidelineEvaluator} works the same on either.
 */
interface GuidelineTables {

    boolean has(String decisionKey);

    /** The matched rules' outputs, one map per rule, in rule order. */
    List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables);
}
