package org.openimr.decision;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openimr.cases.CaseRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recommendation and the reviewer's decision of each disputed item, kept side by side in
 * the item's row (by the case registry) so that departures from the tables can be counted per rule.
 */
@Repository
public class ItemDecisions {

    /** How often reviewers decided against a rule's recommendation. */
    public record DepartureRate(String ruleId, long decided, long departed) {
        public double rate() {
            return decided == 0 ? 0 : (double) departed / decided;
        }
    }

    private final JdbcClient jdbc;
    private final CaseRegistry registry;

    ItemDecisions(JdbcClient jdbc, CaseRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    void storeRecommendation(long caseId, int itemNo, Recommendation recommendation) {
        registry.storeRecommendation(caseId, itemNo, recommendation.outcome().name(), recommendation.ruleIds(),
                recommendation.citation(), recommendation.rationale(), recommendation.citationConfidence());
    }

    void storeDecision(long caseId, int itemNo, ItemDecision decision, String citation, String rationale,
            boolean departs, String decidedBy) {
        registry.storeDecision(caseId, itemNo, decision.name(), citation, rationale, departs, decidedBy);
    }

    /** Departure rate per rule over every decided item (an item counts once for each of its rule ids). */
    public List<DepartureRate> departureRates() {
        Map<String, long[]> byRule = new TreeMap<>();
        jdbc.sql("""
                select recommended_rule_ids, departs_from_recommendation from imr_disputed_item
                where decision is not null and recommended_rule_ids is not null""")
                .query(rs -> {
                    boolean departed = rs.getBoolean(2);
                    for (String rule : rs.getString(1).split(",")) {
                        long[] counts = byRule.computeIfAbsent(rule, r -> new long[2]);
                        counts[0]++;
                        counts[1] += departed ? 1 : 0;
                    }
                });
        return byRule.entrySet().stream()
                .map(e -> new DepartureRate(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
