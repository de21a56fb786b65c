package org.openimr.decision;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the same FEEL engine as the standalone one of tests,
 * benchmark and impact analysis ({@link GuidelineFeelEngineFactory}); legacy FEEL itself is
 * switched on in application.yaml (dmnFeelEnableLegacyBehavior).
 */
@Component
class FeelEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.feelEngineFactory(new GuidelineFeelEngineFactory());
        // The engine completes this configuration (legacy FEEL, history, metrics) when it builds its DMN engine.
        configuration.setDmnEngineConfiguration(dmn);
    }
}
