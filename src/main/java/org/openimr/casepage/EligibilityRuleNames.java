package org.openimr.casepage;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * What an eligibility finding's code (E1-E10) means, in the words of the rule's own description in
 * the deployed eligibility table (bpmn/eligibility.dmn: "E6: Liability disputed."), so that the
 * timeline and the case page say it as the analyst who wrote the table did.
 */
@Component
class EligibilityRuleNames {

    private static final String DECISION_KEY = "eligibility";

    private final RepositoryService repositoryService;
    /** Per deployed version of the table: its rules' names by code. */
    private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

    EligibilityRuleNames(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** "E1,E6" -> "not filed within 30 days of service of the written UR decision (E1); liability disputed (E6)". */
    String inWords(String codes) {
        if (codes == null || codes.isBlank()) {
            return null;
        }
        Map<String, String> names = names();
        return Arrays.stream(codes.split(",")).map(String::strip)
                .map(code -> names.containsKey(code) ? names.get(code) + " (" + code + ")" : code)
                .collect(Collectors.joining("; "));
    }

    private Map<String, String> names() {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
        if (definition == null) {
            return Map.of();
        }
        return byDefinition.computeIfAbsent(definition.getId(), id -> repositoryService.getDmnModelInstance(id)
                .getModelElementsByType(Rule.class).stream()
                .map(rule -> rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip())
                .filter(description -> description.matches("E\\d+: .+"))
                .collect(Collectors.toMap(description -> description.substring(0, description.indexOf(':')),
                        EligibilityRuleNames::name, (first, second) -> first)));
    }

    /** "E6: Liability disputed." -> "liability disputed"; an abbreviation such as UR stays as written. */
    private static String name(String description) {
        String name = description.substring(description.indexOf(':') + 1).strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        boolean abbreviation = name.length() > 1 && Character.isUpperCase(name.charAt(1));
        return abbreviation ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
