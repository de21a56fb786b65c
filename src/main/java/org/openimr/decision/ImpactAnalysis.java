package org.openimr.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.DisputedItem;
import org.openimr.system.InputReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Impact analysis for analysts: re-evaluates the disputed items of past cases with a candidate
 * set of tables and reports which recommendations would change, compared with the outcome and
 * rule ids stored when each item was evaluated. An item is replayed on its facts as the reviewer
 * established them in the facts step (the recommendation stored was computed from those), and on
 * what the application gave where none were established. Rows are streamed (no result set in
 * memory) and evaluated in the standalone DMN engine, so a year of items (about 300,000) takes seconds.
 */
@Service
public class ImpactAnalysis {

    static final int EXAMPLES = 5;
    private static final Logger log = LoggerFactory.getLogger(ImpactAnalysis.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ObjectMapper objectMapper;

    ImpactAnalysis(DataSource dataSource, PlatformTransactionManager transactionManager, ObjectMapper objectMapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result set only inside a transaction with a fetch size.
        this.jdbc.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.objectMapper = objectMapper;
    }

    /**
     * Past items whose application arrived between from and to (both optional, inclusive). Each
     * item meets the edition of its own request date, so one candidate set covers every edition;
     * the catalog of the candidate tables says which edition each rule of the report belongs to.
     */
    Report analyse(GuidelineEvaluator candidate, RuleCatalog catalog, LocalDate from, LocalDate to) {
        long started = System.nanoTime();
        Tally tally = new Tally(catalog);
        // One row per established fact (or one for an item without any), ordered by item: the facts of an
        // item are gathered while its rows stream by, and the item is evaluated when the next one begins.
        StringBuilder sql = new StringBuilder("""
                select c.case_number, i.item_json, i.recommended_outcome, i.recommended_rule_ids, i.case_id, i.item_no,
                    f.fact_name, f.value_json, f.not_documented
                from imr_disputed_item i join imr_case c on c.id = i.case_id
                left join imr_item_fact f on f.case_id = i.case_id and f.item_no = i.item_no
                where i.recommended_outcome is not null""");
        List<Object> params = new ArrayList<>();
        if (from != null) {
            sql.append(" and c.application_received_date >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" and c.application_received_date <= ?");
            params.add(to);
        }
        sql.append(" order by i.case_id, i.item_no");
        PastItem[] current = {null};
        readOnly.executeWithoutResult(status -> jdbc.query(sql.toString(), rs -> {
            long caseId = rs.getLong(5);
            int itemNo = rs.getInt(6);
            if (current[0] == null || current[0].caseId() != caseId || current[0].itemNo() != itemNo) {
                replay(current[0], candidate, tally);
                current[0] = new PastItem(caseId, itemNo, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), new HashMap<>());
            }
            String fact = rs.getString(7);
            if (fact != null) {
                boolean notDocumented = rs.getBoolean(9);
                current[0].established().put(fact, new EstablishedFacts.Fact(fact,
                        notDocumented ? null : EstablishedFacts.read(rs.getString(8)), notDocumented, null, null, null));
            }
        }, params.toArray()));
        replay(current[0], candidate, tally);
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Counts only: the items themselves are patient data.
        log.info("Impact analysis: {} items compared ({} on established facts), {} would change, {} unreadable, {} ms",
                tally.compared, tally.onEstablishedFacts, tally.changed, tally.unreadable, millis);
        return tally.report(millis);
    }

    private void replay(PastItem past, GuidelineEvaluator candidate, Tally tally) {
        if (past == null) {
            return;
        }
        DisputedItem item = item(past.itemJson());
        if (item == null) {
            tally.unreadable++;
            return;
        }
        if (!past.established().isEmpty()) {
            tally.onEstablishedFacts++;
        }
        Recommendation now = candidate.evaluate(EstablishedFacts.applied(item, past.established()));
        tally.add(past.caseNumber(), past.outcome(), past.ruleIds(), now);
    }

    /** A past item as it streams by: what the application gave and the facts established for it. */
    private record PastItem(long caseId, int itemNo, String caseNumber, String itemJson, String outcome,
            String ruleIds, Map<String, EstablishedFacts.Fact> established) {
    }

    private DisputedItem item(String json) {
        try {
            InputReader in = InputReader.of(objectMapper.readTree(json));
            DisputedItem item = ApplicationParser.item(in);
            return in.hasProblems() ? null : item;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * What the analysis found; changes are grouped by their transition, largest first.
     * {@code itemsOnEstablishedFacts} of the items compared were replayed on the facts established in
     * the facts step, the others on what their application gave; {@code factsReplayed} says so in words.
     */
    public record Report(long itemsCompared, long itemsOnEstablishedFacts, long itemsChanged, long itemsUnreadable,
            long elapsedMillis, String factsReplayed, List<Change> changes, List<RuleImpact> byRule) {
    }

    /** Items whose recommendation would move from one outcome and set of rules to another. */
    public record Change(String fromOutcome, List<String> fromRuleIds, String toOutcome, List<String> toRuleIds,
            long items, List<String> exampleCases) {
    }

    /**
     * For one rule: the changed items that would no longer rest on it, and those that newly would;
     * the table holding it and the MTUS editions that reach that table (none for rules that apply
     * whatever the edition, or that the evaluator gives itself).
     */
    public record RuleImpact(String ruleId, String decisionKey, List<String> editions, long itemsLosingRule,
            long itemsGainingRule, List<String> exampleCases) {
    }

    private static final class Tally {

        final RuleCatalog catalog;
        long compared;
        long onEstablishedFacts;
        long changed;
        long unreadable;
        final Map<Transition, Counted> transitions = new HashMap<>();
        final Map<String, long[]> ruleCounts = new TreeMap<>();
        final Map<String, Set<String>> ruleExamples = new HashMap<>();

        Tally(RuleCatalog catalog) {
            this.catalog = catalog;
        }

        void add(String caseNumber, String storedOutcome, String storedRuleIds, Recommendation now) {
            compared++;
            List<String> before = storedRuleIds == null || storedRuleIds.isBlank() ? List.of()
                    : List.of(storedRuleIds.split(","));
            List<String> after = now.ruleIds();
            if (storedOutcome.equals(now.outcome().name()) && before.equals(after)) {
                return;
            }
            changed++;
            transitions.computeIfAbsent(new Transition(storedOutcome, before, now.outcome().name(), after),
                    k -> new Counted()).add(caseNumber);
            before.stream().filter(rule -> !after.contains(rule)).forEach(rule -> rule(rule, 0, caseNumber));
            after.stream().filter(rule -> !before.contains(rule)).forEach(rule -> rule(rule, 1, caseNumber));
        }

        private void rule(String ruleId, int which, String caseNumber) {
            ruleCounts.computeIfAbsent(ruleId, r -> new long[2])[which]++;
            Set<String> examples = ruleExamples.computeIfAbsent(ruleId, r -> new LinkedHashSet<>());
            if (examples.size() < EXAMPLES) {
                examples.add(caseNumber);
            }
        }

        Report report(long millis) {
            List<Change> changes = transitions.entrySet().stream()
                    .map(e -> new Change(e.getKey().fromOutcome(), e.getKey().fromRuleIds(), e.getKey().toOutcome(),
                            e.getKey().toRuleIds(), e.getValue().items, List.copyOf(e.getValue().examples)))
                    .sorted(Comparator.comparingLong(Change::items).reversed()).toList();
            List<RuleImpact> byRule = ruleCounts.entrySet().stream()
                    .map(e -> new RuleImpact(e.getKey(), catalog.entry(e.getKey()).decisionKey(),
                            catalog.entry(e.getKey()).editions(), e.getValue()[0], e.getValue()[1],
                            List.copyOf(ruleExamples.get(e.getKey()))))
                    .toList();
            return new Report(compared, onEstablishedFacts, changed, unreadable, millis, onEstablishedFacts
                    + " of the " + compared + " items compared were replayed on the facts the reviewer established "
                    + "from the records (a fact marked not documented as absent); the others on the facts their "
                    + "application gave, as none were established for them.", changes, byRule);
        }
    }

    private record Transition(String fromOutcome, List<String> fromRuleIds, String toOutcome, List<String> toRuleIds) {
    }

    private static final class Counted {

        long items;
        final Set<String> examples = new LinkedHashSet<>();

        void add(String caseNumber) {
            items++;
            if (examples.size() < EXAMPLES) {
                examples.add(caseNumber);
            }
        }
    }
}
