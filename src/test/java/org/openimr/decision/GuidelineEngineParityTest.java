package org.openimr.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The standalone engine of the test cases, the benchmark and the impact analysis must judge
 * exactly as the application's process engine does: every analyst case, evaluated both ways,
 * gives the same recommendation.
 */
class GuidelineEngineParityTest extends CaseTest {

    @Autowired
    GuidelineEvaluator applicationEvaluator;

    @Test
    void theProcessEngineUsesLegacyFeelWithTheGuidelineFeelEngine() {
        DefaultDmnEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration();
        assertThat(dmn.getFeelEngineFactory()).isInstanceOf(GuidelineFeelEngineFactory.class);
        assertThat(dmn.isEnableFeelLegacyBehavior()).isTrue();
        assertThat(dmn.getDefaultInputExpressionExpressionLanguage()).isEqualTo("juel");
    }

    @Test
    void theStandaloneEngineAgreesWithTheProcessEngineOnEveryCase() {
        GuidelineEvaluator standalone = new GuidelineEvaluator(InMemoryGuidelineTables.fromFolder(
                InMemoryGuidelineTables.standaloneEngine(List.of()), GuidelineTestCase.FOLDER));
        List<GuidelineTestCase> cases = GuidelineTestCase.all();
        assertThat(cases).hasSizeGreaterThan(300);
        for (GuidelineTestCase testCase : cases) {
            assertThat(applicationEvaluator.evaluate(testCase.item())).as(testCase.where())
                    .isEqualTo(standalone.evaluate(testCase.item()));
        }
    }
}
