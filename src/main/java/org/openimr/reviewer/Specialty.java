package org.openimr.reviewer;

/** Medical specialties of expert reviewers, with the wording the determination letter uses. */
public enum Specialty {
    OCCUPATIONAL_MEDICINE("Occupational Medicine"),
    PHYSICAL_MEDICINE_REHABILITATION("Physical Medicine and Rehabilitation"),
    ORTHOPEDIC_SURGERY("Orthopedic Surgery"),
    PAIN_MEDICINE("Pain Medicine"),
    ANESTHESIOLOGY("Anesthesiology"),
    NEUROLOGY("Neurology"),
    NEUROSURGERY("Neurological Surgery"),
    PSYCHIATRY("Psychiatry"),
    INTERNAL_MEDICINE("Internal Medicine"),
    FAMILY_MEDICINE("Family Medicine"),
    PLASTIC_SURGERY("Plastic Surgery");

    private final String title;

    Specialty(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
