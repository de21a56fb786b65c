package org.openimr.cases;

import static org.openimr.cases.ItemField.bool;
import static org.openimr.cases.ItemField.code;
import static org.openimr.cases.ItemField.date;
import static org.openimr.cases.ItemField.decimal;
import static org.openimr.cases.ItemField.integer;
import static org.openimr.cases.ItemField.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract for a disputed item: the fields of the input data dictionary in
 * shared/domain/guideline-rules.md §2.3 (and the inputs its rule table names), with their types
 * and allowed values. The intake API, the start form and the guideline tables all use these
 * names; a field outside this list is rejected.
 */
public final class DisputedItemFields {

    /** Treatment categories; each has a guideline table {@code mtus_<CATEGORY>} unless OTHER. */
    public static final List<String> TREATMENT_CATEGORIES = List.of(
            "MASSAGE", "PT_CHRONIC", "PT_POSTSURG", "CHIRO", "ACUPUNCTURE", "TENS", "EXERCISE_GYM",
            "OPIOID", "NSAID", "MUSCLE_RELAXANT", "AED", "PPI", "TOPICAL", "LIDOCAINE_PATCH",
            "MRI_LUMBAR", "MRI_CERVICAL", "EMG_NCV", "ESI", "FACET_BLOCK", "RFA", "FRP", "UDS",
            "PSYCH_EVAL", "PSYCHOTHERAPY", "SLEEP_AID", "CTS_SURGERY", "WRIST_SPLINT",
            "WORK_CONDITIONING", "OTHER");

    /** The categories of outpatient drugs, which the MTUS Drug Formulary covers from 2018-01-01. */
    public static final List<String> DRUG_CATEGORIES = List.of(
            "OPIOID", "NSAID", "MUSCLE_RELAXANT", "AED", "PPI", "TOPICAL", "LIDOCAINE_PATCH", "SLEEP_AID");

    public static final List<ItemField> ALL = List.of(
            text("requestedTreatment", true, 500),
            code("treatmentCategory", true, TREATMENT_CATEGORIES.toArray(String[]::new)),
            date("requestDate", true),
            code("bodyRegion", false, "CERVICAL", "THORACIC", "LUMBAR", "SHOULDER", "ELBOW", "FOREARM",
                    "WRIST_HAND", "HIP", "KNEE", "ANKLE_FOOT", "MULTIPLE", "NA"),
            text("claimsAdministratorGuideline", false, 2000),
            code("diagnosisGroup", false, "MYALGIA_MYOSITIS", "NEURALGIA_RADICULITIS", "CRPS",
                    "RADICULOPATHY", "NEUROPATHIC", "OA", "CTS", "AXIAL_NONSPECIFIC", "FACET",
                    "POSTSURGICAL", "OTHER"),
            bool("chronicPain"),
            integer("priorUnits", 0, 1000),
            integer("requestedUnits", 1, 1000),
            bool("functionalImprovement"),
            bool("adjunctToActiveTherapy"),
            bool("returnedToWork"),
            bool("exceptionFlag"),
            bool("maintenanceCare"),
            bool("flareUp"),
            bool("medsReducedOrNotTolerated"),
            integer("sessionsPerWeek", 0, 21),
            code("requestType", false, "RENTAL_TRIAL", "PURCHASE", "SUPPLIES", "HEP_INSTRUCTION", "GYM",
                    "POOL", "EQUIPMENT", "AQUATIC"),
            bool("qualifyingCondition"),
            bool("otherModalitiesFailed"),
            bool("trialOutcomeDocumented"),
            integer("leads", 1, 8),
            bool("fourLeadJustified"),
            bool("homeExerciseFailedWithRevision"),
            bool("equipmentNeedDocumented"),
            bool("medicallySupervised"),
            bool("reducedWeightBearingNeeded"),
            code("opioidPhase", false, "INITIATION", "CONTINUATION", "WEANING"),
            decimal("dailyMED", 0, 10_000),
            integer("painReliefPercent", 0, 100),
            bool("fourAsDocumented"),
            bool("aberrantBehavior"),
            bool("painSpecialistConsult"),
            code("indication", false, "OA", "LBP_FLARE", "CHRONIC_LBP", "NEUROPATHIC", "OTHER"),
            text("drugName", false, 200),
            code("drugClass", false, "Z_DRUG", "BENZODIAZEPINE", "SEDATING_ANTIDEPRESSANT", "OTHER"),
            integer("durationWeeks", 0, 1040),
            bool("contraindication"),
            bool("benefitDocumented"),
            bool("acuteExacerbation"),
            bool("neuropathicPain"),
            bool("firstLineNeuropathicTried"),
            bool("sideEffectsDocumented"),
            bool("onNSAID"),
            bool("giRiskFactor"),
            bool("nsaidDyspepsia"),
            bool("containsNonRecommendedIngredient"),
            code("topicalNsaidSite", false, "JOINT_AMENABLE", "SPINE_HIP_SHOULDER", "NONE"),
            bool("capsaicinIntolerantOthers"),
            code("formulation", false, "PATCH", "CREAM", "GEL", "LOTION"),
            bool("redFlags"),
            code("neuroFindings", false, "NONE", "EQUIVOCAL", "UNEQUIVOCAL"),
            bool("failedConservativeCare"),
            bool("surgeryConsidered"),
            bool("priorImagingSameRegion"),
            bool("significantClinicalChange"),
            integer("symptomWeeks", 0, 2600),
            integer("conservativeCareWeeks", 0, 2600),
            bool("strengtheningProgramFailed"),
            bool("invasiveProcedurePlanned"),
            code("limb", false, "UPPER", "LOWER"),
            code("studyType", false, "EMG", "NCS", "BOTH"),
            bool("radiculopathyClinicallyObvious"),
            bool("imagingConfirms"),
            bool("peripheralNeuropathySuspected"),
            bool("radiculopathyOnExam"),
            bool("imagingOrEdxCorroborates"),
            bool("fluoroscopy"),
            code("approach", false, "TRANSFORAMINAL", "INTERLAMINAR", "CAUDAL"),
            integer("levels", 0, 10),
            integer("priorInjectionsThisYear", 0, 52),
            integer("priorReliefWeeks", 0, 520),
            bool("medReduction"),
            bool("seriesRequested"),
            bool("radicularPain"),
            bool("fusionAtLevel"),
            bool("surgeryPlanned"),
            code("injectionType", false, "MBB", "INTRA_ARTICULAR_THERAPEUTIC"),
            bool("diagnosticMbbPositive"),
            integer("monthsSincePriorRfa", 0, 600),
            bool("conservativePlanDocumented"),
            bool("frpCriteriaMet"),
            bool("gainsDocumented"),
            bool("isAftercare"),
            bool("controlledSubstanceTherapy"),
            bool("initiatingTherapy"),
            code("riskLevel", false, "LOW", "MODERATE", "HIGH"),
            integer("testsLast12Months", 0, 365),
            bool("confirmatoryAfterInconsistent"),
            bool("psychosocialRiskFactors"),
            bool("preProcedureScreen"),
            integer("priorEvalMonths", 0, 600),
            bool("intervalChange"),
            bool("standAloneBiofeedback"),
            code("psychDiagnosis", false, "MDD", "PTSD", "OTHER", "NONE"),
            bool("sleepEvaluationDone"),
            bool("clinicalFindingsPositive"),
            bool("edxConfirmed"),
            code("severity", false, "MILD", "MODERATE", "SEVERE"),
            code("splintType", false, "NEUTRAL_WRIST", "CUSTOM", "OTHER"),
            bool("duplicate"),
            bool("jobDemandsExceedCapacity"),
            bool("ptPlateau"),
            bool("notSurgicalCandidate"),
            bool("rtwGoalAgreed"),
            integer("monthsSinceInjury", 0, 1200),
            code("surgeryType", false, "KNEE_MENISCECTOMY", "CTS_RELEASE", "LUMBAR_DISCECTOMY",
                    "LUMBAR_FUSION", "ROTATOR_CUFF_REPAIR", "ACL_RECONSTRUCTION", "TOTAL_KNEE_ARTHROPLASTY",
                    "CERVICAL_FUSION", "OTHER"),
            integer("weeksSinceSurgery", 0, 2600),
            bool("complicationDocumented"),
            integer("cumulativeVisitsThisInjury", 0, 1000),
            bool("postSurgicalPhysicalMedicine"),
            bool("employerWrittenAuthorization"),
            // Inputs of the tables for requests from 2017-12-01 and of the MTUS Drug Formulary.
            code("painPhase", false, "ACUTE", "SUBACUTE", "CHRONIC"),
            code("modalityType", false, "ACTIVE", "PASSIVE"),
            bool("homeExerciseProgram"),
            bool("injectionConsidered"),
            bool("concurrentBenzodiazepine"),
            bool("compounded"),
            code("formularyStatus", false, "EXEMPT", "NON_EXEMPT", "UNLISTED"),
            bool("brandWithGenericAvailable"),
            bool("physicianAdministered"),
            bool("physicianDispensed"),
            bool("initialVisitWithin7DaysOfInjury"),
            integer("daysFromSurgery", -365, 365),
            integer("supplyDays", 1, 365),
            // The statutory visit cap (X01) depends on it; the case process fills it from the application's employee.
            date("dateOfInjury", false));

    /**
     * Names that earlier versions accepted for a concept that now has one name: still read on
     * input, mapped to the field named here and reported back as deprecated. Months of use are
     * converted to weeks (52 weeks a year, rounded).
     */
    public static final List<FormerName> FORMER_NAMES = List.of(
            new FormerName(integer("onDrugWeeks", 0, 520), "durationWeeks", 1),
            new FormerName(integer("weeksOnDrug", 0, 520), "durationWeeks", 1),
            new FormerName(integer("durationMonths", 0, 240), "durationWeeks", 52.0 / 12),
            new FormerName(bool("conservativeCareFailed"), "failedConservativeCare", 1),
            new FormerName(integer("failedConservativeCareWeeks", 0, 2600), "conservativeCareWeeks", 1),
            new FormerName(integer("priorFrpDays", 0, 365), "priorUnits", 1),
            new FormerName(integer("priorReliefPercent", 0, 100), "painReliefPercent", 1),
            new FormerName(integer("priorRfaReliefPercent", 0, 100), "painReliefPercent", 1),
            new FormerName(integer("priorRfaReliefWeeks", 0, 520), "priorReliefWeeks", 1));

    /** A deprecated field name, the field it stands for now, and the factor a number is multiplied by. */
    public record FormerName(ItemField field, String replacedBy, double factor) {

        public Object convert(Object value) {
            return value instanceof Integer number && factor != 1 ? (int) Math.round(number * factor) : value;
        }
    }

    private static final Map<String, ItemField> BY_NAME = new LinkedHashMap<>();

    static {
        ALL.forEach(field -> BY_NAME.put(field.name(), field));
    }

    private DisputedItemFields() {
    }

    public static ItemField byName(String name) {
        return BY_NAME.get(name);
    }
}
