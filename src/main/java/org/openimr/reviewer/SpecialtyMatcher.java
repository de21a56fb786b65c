package org.openimr.reviewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The specialties that fit a case, from the decision table bpmn/reviewer-specialty.dmn
 * (treatment category and body region to specialty, ranked) so that analysts can change them.
 * Specialties fitting every disputed item come first, best rank first.
 */
@Component
class SpecialtyMatcher {

    static final String DECISION = "reviewerSpecialty";

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;

    SpecialtyMatcher(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    record ItemKind(String treatmentCategory, String bodyRegion) {
    }

    List<Specialty> fitting(List<ItemKind> items) {
        Map<Specialty, Integer> bestRank = new LinkedHashMap<>();
        Map<Specialty, Integer> itemsFitted = new LinkedHashMap<>();
        // The latest version, looked up once: every item of the case is matched by the same table.
        String table = Objects.requireNonNull(repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).latestVersion().singleResult(), "No decision " + DECISION + " is deployed")
                .getId();
        for (ItemKind item : items) {
            Set<Specialty> fitsThisItem = new LinkedHashSet<>();
            for (Map<String, Object> row : decisionService.evaluateDecisionTableById(table)
                    .variables(Variables.createVariables()
                            .putValue("treatmentCategory", item.treatmentCategory())
                            .putValue("bodyRegion", item.bodyRegion()))
                    .evaluate().getResultList()) {
                Specialty specialty = Specialty.valueOf((String) row.get("specialty"));
                int rank = ((Number) row.get("rank")).intValue();
                bestRank.merge(specialty, rank, Math::min);
                fitsThisItem.add(specialty);
            }
            fitsThisItem.forEach(specialty -> itemsFitted.merge(specialty, 1, Integer::sum));
        }
        List<Specialty> ranked = new ArrayList<>(bestRank.keySet());
        ranked.sort((a, b) -> {
            int byCoverage = Integer.compare(itemsFitted.get(b), itemsFitted.get(a));
            return byCoverage != 0 ? byCoverage : Integer.compare(bestRank.get(a), bestRank.get(b));
        });
        if (ranked.isEmpty()) {
            ranked.add(Specialty.OCCUPATIONAL_MEDICINE);
        }
        return ranked;
    }
}
