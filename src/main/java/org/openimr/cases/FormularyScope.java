package org.openimr.cases;

import java.time.LocalDate;

/**
 * Which disputed items the MTUS Drug Formulary governs: outpatient drugs from 2018-01-01 (8 CCR
 * 9792.27.2), that is a drug category requested from then on and not administered by the
 * physician. A dispute over such a drug is a formulary dispute (Labor Code 4610.5(a)(3)), which
 * the IMR organization decides within 5 working days (Labor Code 4610.6(d)(1)(A)).
 */
public final class FormularyScope {

    public static final LocalDate FORMULARY_FROM = LocalDate.of(2018, 1, 1);

    private FormularyScope() {
    }

    /** A drug item requested on or after the formulary's start, whether or not administered in the clinic. */
    public static boolean drugUnderFormulary(DisputedItem item) {
        return DisputedItemFields.DRUG_CATEGORIES.contains(item.treatmentCategory()) && item.requestDate() != null
                && !item.requestDate().isBefore(FORMULARY_FROM);
    }

    /** A formulary dispute: a formulary drug that the patient takes outside the clinic. */
    public static boolean formularyDispute(DisputedItem item) {
        return drugUnderFormulary(item) && !Boolean.TRUE.equals(item.get("physicianAdministered"));
    }
}
