package org.openimr.reviewer;

import org.openimr.cases.CaseLabels;

/**
 * Medical specialties of expert reviewers. Their names, which the determination letter and the
 * case page use alike, are written once in {@link CaseLabels#SPECIALTIES}.
 */
public enum Specialty {
    OCCUPATIONAL_MEDICINE,
    PHYSICAL_MEDICINE_REHABILITATION,
    ORTHOPEDIC_SURGERY,
    PAIN_MEDICINE,
    ANESTHESIOLOGY,
    NEUROLOGY,
    NEUROSURGERY,
    PSYCHIATRY,
    INTERNAL_MEDICINE,
    FAMILY_MEDICINE,
    PLASTIC_SURGERY;

    public String title() {
        return CaseLabels.SPECIALTIES.get(name());
    }
}
