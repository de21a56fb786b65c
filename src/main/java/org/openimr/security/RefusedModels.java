package org.openimr.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by the model guard: Camunda's parse error, so that its REST API answers 400
 * with every problem of every refused resource, as it does for a model that does not parse.
 */
final class RefusedModels extends ParseException {

    private static final long serialVersionUID = 1L;

    /** @param problems by resource name, none empty */
    RefusedModels(Map<String, List<Problem>> problems) {
        super(message(problems), problems.keySet().iterator().next(),
                problems.values().iterator().next(), List.of());
        // The list the engine's REST API reports from (a mutable list in Camunda and in Operaton); read
        // through the public getter, whose name both keep, where the field's name differs between them.
        List<ResourceReport> reports = getResorceReports();
        reports.clear();
        problems.forEach((resource, errors) -> reports.add(new Report(resource, errors)));
    }

    private static String message(Map<String, List<Problem>> problems) {
        StringBuilder message = new StringBuilder("The deployment breaks the rules for models (docs/security.md):");
        problems.forEach((resource, errors) -> errors.forEach(error -> message.append("\n* ")
                .append(error.getMessage()).append(" | resource ").append(resource)));
        return message.toString();
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
