package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;

/**
 * The operator's switch: without it every deployment and every expression goes through the model
 * guard; with {@code imr.security.models.unrestricted} the engine is left as plain Camunda's.
 */
class ModelGuardPluginTest {

    @Test
    void withoutTheSwitchDeploymentsAndExpressionsGoThroughTheGuard() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

        new ModelGuardPlugin(new StaticApplicationContext(), new ModelGuardProperties(false)).preInit(configuration);

        assertThat(configuration.getExpressionManager()).isInstanceOf(GuardedExpressionManager.class);
        assertThat(configuration.getCustomPreDeployers()).hasAtLeastOneElementOfType(ModelDeploymentGuard.class);
        assertThat(configuration.getBpmnParseFactory()).isNotNull();
    }

    @Test
    void theOperatorsSwitchLeavesTheEngineAsPlainCamundas() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

        new ModelGuardPlugin(new StaticApplicationContext(), new ModelGuardProperties(true)).preInit(configuration);

        assertThat(configuration.getExpressionManager()).isNull();
        assertThat(configuration.getCustomPreDeployers()).isNullOrEmpty();
        assertThat(configuration.getBpmnParseFactory()).isNull();
    }
}
