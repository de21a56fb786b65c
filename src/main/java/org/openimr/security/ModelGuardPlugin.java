package org.openimr.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Models are rules, not code: installs the deployment guard (process models checked as the engine
 * parses them, {@link GuardedBpmnParse}; decision tables, forms and resource types before the
 * engine's deployers, {@link ModelDeploymentGuard}) and the run-time resolver
 * ({@link GuardedExpressionManager}). Everyone deploys through them, administrators and the
 * application itself included, unless the operator sets {@code imr.security.models.unrestricted}.
 */
@Component
class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelGuardPlugin.class);

    private final ApplicationContext context;
    private final ModelGuardProperties properties;

    ModelGuardPlugin(ApplicationContext context, ModelGuardProperties properties) {
        this.context = context;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (properties.unrestricted()) {
            log.warn("imr.security.models.unrestricted is set: deployed models are not checked and their expressions "
                    + "may call any bean and class of the server");
            return;
        }
        Set<String> otherBeans = new HashSet<>(Arrays.asList(context.getBeanDefinitionNames()));
        otherBeans.removeAll(ModelApi.beanNames());
        ProcessModelRules rules = new ProcessModelRules(new ModelExpressions(otherBeans));
        configuration.setBpmnParseFactory(parser -> new GuardedBpmnParse(parser, rules));
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new ModelDeploymentGuard());
        configuration.setExpressionManager(new GuardedExpressionManager(context));
    }
}
