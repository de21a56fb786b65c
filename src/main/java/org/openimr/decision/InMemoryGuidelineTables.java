package org.openimr.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.el.JuelElContextFactory;
import org.camunda.bpm.dmn.engine.impl.el.JuelElProvider;
import org.camunda.bpm.dmn.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.openimr.system.ModelCallGuard;

/**
 * Guideline tables parsed into a standalone DMN engine, configured like the application's
 * engine (legacy FEEL: JUEL input expressions, simple unary tests), without a database: tens of
 * thousands of evaluations a second, for test cases, the benchmark and impact analysis.
 * Evaluating a parsed decision is thread-safe.
 */
final class InMemoryGuidelineTables implements GuidelineTables {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_]\\w*");

    private final DmnEngine engine;
    private final Map<String, DmnDecision> decisions;
    private final RuleCatalog catalog;
    private final Map<String, List<String>> inputVariables = new HashMap<>();
    private final Map<String, List<TableColumn>> columns = new HashMap<>();

    private InMemoryGuidelineTables(DmnEngine engine, Map<String, DmnDecision> decisions,
            Map<String, DmnModelInstance> models, RuleCatalog catalog) {
        this.engine = engine;
        this.decisions = Map.copyOf(decisions);
        this.catalog = catalog;
        models.forEach((key, model) -> columns.put(key, TableColumn.of(model, key)));
        decisions.forEach((key, decision) -> inputVariables.put(key, inputVariables(decision)));
    }

    /**
     * The variables a table's input expressions read, when each is a plain variable name (as the
     * guideline tables' are): the engine copies every variable it is given into its own map on each
     * evaluation, which for the ~140 fields of an item costs more than the table itself.
     */
    private static List<String> inputVariables(DmnDecision decision) {
        if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (DmnDecisionTableInputImpl input : table.getInputs()) {
            String text = input.getExpression().getExpression();
            if (text == null || !VARIABLE.matcher(text.strip()).matches()) {
                return null;
            }
            names.add(text.strip());
        }
        return names;
    }

    /**
     * A standalone engine as the application configures its own (legacy FEEL, {@link FeelEnginePlugin}),
     * whose JUEL (input expressions, output entries) reads variables and calls no method: it evaluates
     * uploaded tables and any table ever deployed.
     */
    static DmnEngine standaloneEngine(List<DmnDecisionTableEvaluationListener> listeners) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(true);
        configuration.feelEngineFactory(new GuidelineFeelEngineFactory());
        CompositeELResolver values = new CompositeELResolver();
        values.add(new VariableContextElResolver());
        values.add(new ArrayELResolver(true));
        values.add(new ListELResolver(true));
        values.add(new MapELResolver(true));
        configuration.elProvider(new JuelElProvider(new ExpressionFactoryImpl(),
                new JuelElContextFactory(ModelCallGuard.valuesOnly(values))));
        configuration.customPostDecisionTableEvaluationListeners(listeners);
        return configuration.buildEngine();
    }

    /** Every .dmn file of a folder and its subfolders, e.g. bpmn/guidelines. */
    static InMemoryGuidelineTables fromFolder(DmnEngine engine, Path folder) {
        Builder builder = new Builder(engine);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    builder.add(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }

    Map<String, DmnDecision> decisions() {
        return decisions;
    }

    /** Which table, and which editions, each rule id of these tables belongs to. */
    RuleCatalog catalog() {
        return catalog;
    }

    @Override
    public Optional<Table> table(String decisionKey) {
        return decisions.containsKey(decisionKey) ? Optional.of(GuidelineTables.table(
                variables -> evaluate(decisionKey, variables), () -> columns.get(decisionKey))) : Optional.empty();
    }

    private List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
        List<String> names = inputVariables.get(decisionKey);
        Map<String, Object> read = variables;
        if (names != null) {
            read = new HashMap<>();
            for (String name : names) {
                read.put(name, variables.get(name));
            }
        }
        return engine.evaluateDecisionTable(decisions.get(decisionKey), read).getResultList();
    }

    /** Collects decisions model by model; a later model replaces an earlier decision with the same key. */
    static final class Builder {

        private final DmnEngine engine;
        private final Map<String, DmnDecision> decisions = new LinkedHashMap<>();
        private final Map<String, DmnModelInstance> models = new LinkedHashMap<>();

        Builder(DmnEngine engine) {
            this.engine = engine;
        }

        /** Parses one DMN model; throws the model API's or the engine's exception when it is not a valid one. */
        List<String> add(InputStream model) {
            DmnModelInstance instance = Dmn.readModelFromStream(model);
            List<DmnDecision> parsed = engine.parseDecisions(instance);
            parsed.forEach(decision -> {
                decisions.put(decision.getKey(), decision);
                models.put(decision.getKey(), instance);
            });
            return parsed.stream().map(DmnDecision::getKey).toList();
        }

        /** Takes only the named decision of a model: the latest version of one table among older ones. */
        void addDecision(InputStream model, String key) {
            DmnModelInstance instance = Dmn.readModelFromStream(model);
            engine.parseDecisions(instance).stream().filter(decision -> decision.getKey().equals(key)).findFirst()
                    .ifPresent(decision -> {
                        decisions.put(key, decision);
                        models.put(key, instance);
                    });
        }

        InMemoryGuidelineTables build() {
            return new InMemoryGuidelineTables(engine, decisions, models, RuleCatalog.of(models));
        }
    }
}
