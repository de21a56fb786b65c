package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openimr.cases.CaseLabels;

/** Every specialty a reviewer can hold has its name, the one the letter, the registry and the case page show. */
class SpecialtyTest {

    @Test
    void everySpecialtyHasItsNameAndEveryNameItsSpecialty() {
        assertThat(Arrays.stream(Specialty.values()).map(Specialty::title)).doesNotContainNull();
        assertThat(CaseLabels.SPECIALTIES.keySet())
                .containsExactlyElementsOf(Arrays.stream(Specialty.values()).map(Specialty::name).toList());
        assertThat(Specialty.PHYSICAL_MEDICINE_REHABILITATION.title()).isEqualTo("Physical Medicine and Rehabilitation");
        assertThat(Specialty.NEUROSURGERY.title()).isEqualTo("Neurological Surgery");
    }
}
