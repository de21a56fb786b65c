package org.openimr.decision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.xml.ModelException;
import org.openimr.system.DecisionTableRules;
import org.openimr.system.FieldProblem;
import org.openimr.system.InvalidInputException;
import org.openimr.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The set of tables an impact analysis tries: what the engine has deployed now (the latest
 * version of every decision), with the tables of one deployment, or uploaded .dmn files,
 * replacing those with the same decision keys. Parsed into a standalone engine, never deployed.
 */
@Component
class CandidateTables {

    static final int MAX_FILES = 50;
    private static final Set<String> UPLOAD_TYPES = Set.of("application/xml", "text/xml", "application/octet-stream");

    private final RepositoryService repositoryService;
    private final DmnEngine engine = InMemoryGuidelineTables.standaloneEngine(List.of());

    CandidateTables(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The deployed tables as they stand (the latest version of every decision). */
    InMemoryGuidelineTables current() {
        return deployed().build();
    }

    /** The deployed tables with those of the given deployment (e.g. one made from Camunda Modeler) on top. */
    InMemoryGuidelineTables withDeployment(String deploymentId) {
        if (repositoryService.createDeploymentQuery().deploymentId(deploymentId).count() == 0) {
            throw new NotFoundException("No deployment " + deploymentId);
        }
        InMemoryGuidelineTables.Builder tables = deployed();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".dmn")) {
                try (InputStream model = repositoryService.getResourceAsStream(deploymentId, resource)) {
                    tables.add(model);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return tables.build();
    }

    /**
     * The deployed tables with the uploaded models on top. Each upload must be a .dmn file sent as
     * XML (or as plain bytes, as curl sends it), parse as a DMN model and keep to the rules a
     * deployed table keeps ({@link DecisionTableRules}: it is evaluated, if not deployed); Camunda's
     * model parser refuses document type declarations, so an upload cannot make it read other files.
     */
    InMemoryGuidelineTables withUploads(List<MultipartFile> files) {
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException("files", "must be at most " + MAX_FILES + " files");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, byte[]> models = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "files[" + i + "]";
            checked(files.get(i), field, problems).ifPresent(model -> models.put(field, model));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        InMemoryGuidelineTables.Builder tables = deployed();
        models.forEach((field, model) -> {
            try {
                if (tables.add(new ByteArrayInputStream(model)).isEmpty()) {
                    problems.add(new FieldProblem(field, "holds no decision"));
                }
            } catch (DmnEngineException | ModelException e) {
                problems.add(new FieldProblem(field, "is not a valid DMN model"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return tables.build();
    }

    /** The upload's content if it is a .dmn file sent as XML that keeps to the rules; else its problems. */
    private static Optional<byte[]> checked(MultipartFile file, String field, List<FieldProblem> problems) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".dmn")) {
            problems.add(new FieldProblem(field, "must be a .dmn file"));
            return Optional.empty();
        }
        String type = file.getContentType() == null ? null
                : file.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type != null && !UPLOAD_TYPES.contains(type)) {
            problems.add(new FieldProblem(field,
                    "must be sent as application/xml, text/xml or application/octet-stream"));
            return Optional.empty();
        }
        try {
            byte[] model = file.getBytes();
            List<Problem> refused = DecisionTableRules.check(new ByteArrayInputStream(model));
            refused.forEach(problem -> problems.add(new FieldProblem(field, problem.getMessage())));
            return refused.isEmpty() ? Optional.of(model) : Optional.empty();
        } catch (ModelException e) {
            problems.add(new FieldProblem(field, "is not a valid DMN model"));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InMemoryGuidelineTables.Builder deployed() {
        InMemoryGuidelineTables.Builder tables = new InMemoryGuidelineTables.Builder(engine);
        for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().latestVersion().list()) {
            try (InputStream model = repositoryService.getResourceAsStream(definition.getDeploymentId(),
                    definition.getResourceName())) {
                tables.addDecision(model, definition.getKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }
}
