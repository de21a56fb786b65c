package org.openimr.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of bpmn/ (processes and decision tables) and forms/ (Camunda Forms) at
 * start-up, under names that do not depend on how the application runs (tests, jar, IDE), so
 * that an unchanged model is never deployed again. Only changed resources get a new version;
 * running cases stay on the version they started with.
 */
@Component
public class ModelDeployment implements InitializingBean {

    public static final String DEPLOYMENT_NAME = "imr-case-management";
    private static final List<String> PATTERNS = List.of("bpmn/**/*.bpmn", "bpmn/**/*.dmn", "forms/**/*.form");
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ModelDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("application")
                .enableDuplicateFiltering(true);
        int resources = 0;
        for (String pattern : PATTERNS) {
            String folder = pattern.substring(0, pattern.indexOf('/'));
            String root = resolver.getResource("classpath:" + folder + "/").getURL().toString();
            for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                String url = resource.getURL().toString();
                String name = url.startsWith(root) ? folder + "/" + url.substring(root.length()) : folder + "/" + resource.getFilename();
                try (InputStream content = resource.getInputStream()) {
                    deployment.addInputStream(name, content);
                }
                resources++;
            }
        }
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        log.info("Models: {} resources checked, deployment {} ({} process and {} decision definitions new)",
                resources, deployed.getId(),
                deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size(),
                deployed.getDeployedDecisionDefinitions() == null ? 0 : deployed.getDeployedDecisionDefinitions().size());
    }
}
