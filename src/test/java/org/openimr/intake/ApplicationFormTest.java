package org.openimr.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseLabels;
import org.openimr.cases.DisputedItemFields;

/**
 * The paper-application start form is generated from its one-item template by the build
 * (ApplicationFormGenerator of src/tools, run in generate-resources): the committed form is what
 * the generator makes, and it takes as many disputed items as the intake API, each made only of
 * fields of the item contract.
 */
class ApplicationFormTest {

    private static final Path COMMITTED = Path.of("forms", "imr-application.form");
    private static final Path GENERATED = Path.of("target", "generated-forms", "imr-application.form");

    @Test
    void theCommittedFormIsWhatTheBuildGeneratesFromTheTemplate() throws IOException {
        assertThat(GENERATED).as("the build generates the form (mvn generate-resources)").exists();
        assertThat(Files.readString(COMMITTED))
                .as("forms/imr-application.form is generated from src/main/forms/imr-application.template.form: "
                        + "change the template, then refresh the form with mvn generate-resources "
                        + "-Dapplication-form.dir=forms")
                .isEqualTo(Files.readString(GENERATED));
    }

    @Test
    void theFormTakesAsManyDisputedItemsAsTheApi() throws IOException {
        JsonNode components = new ObjectMapper().readTree(COMMITTED.toFile()).get("components");
        List<String> counts = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode component : components) {
            if (component.path("key").asText().equals("disputedTreatmentCount")) {
                component.get("values").forEach(option -> counts.add(option.get("value").asText()));
            }
            if (component.path("path").asText().startsWith("disputedItem")) {
                items.add(component);
            }
        }

        List<String> upToMax = IntStream.rangeClosed(1, ApplicationParser.MAX_ITEMS).mapToObj(String::valueOf).toList();
        assertThat(counts).isEqualTo(upToMax);
        assertThat(items).extracting(item -> item.get("path").asText())
                .isEqualTo(upToMax.stream().map(n -> "disputedItem" + n).toList());
        assertThat(items).extracting(item -> item.get("label").asText())
                .isEqualTo(upToMax.stream().map(n -> "Disputed treatment " + n).toList());
        // Item n shows once n or more treatments are chosen; the first always.
        assertThat(items.get(0).has("conditional")).isFalse();
        for (int n = 2; n <= items.size(); n++) {
            assertThat(items.get(n - 1).at("/conditional/hide").asText())
                    .isEqualTo("=number(disputedTreatmentCount) < " + n);
        }
        for (JsonNode item : items) {
            for (JsonNode field : item.get("components")) {
                assertThat(DisputedItemFields.byName(field.get("key").asText()))
                        .as("field %s of %s", field.get("key"), item.get("label")).isNotNull();
            }
        }
        // Each item's list of treatment categories: every category of the contract, named as the case page names it.
        for (JsonNode item : items) {
            Map<String, String> categories = new LinkedHashMap<>();
            for (JsonNode field : item.get("components")) {
                if (field.get("key").asText().equals("treatmentCategory")) {
                    field.get("values").forEach(option -> categories.put(option.get("value").asText(),
                            option.get("label").asText()));
                }
            }
            assertThat(categories).as("the categories of %s", item.get("label"))
                    .containsExactlyEntriesOf(CaseLabels.TREATMENT_CATEGORIES);
        }
        assertThat(CaseLabels.TREATMENT_CATEGORIES.keySet()).containsExactlyElementsOf(DisputedItemFields.TREATMENT_CATEGORIES);
    }
}
