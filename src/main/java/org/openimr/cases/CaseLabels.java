package org.openimr.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words staff read for the codes of a case: its stage, status, SLA status, the deadline
 * running, the reviewer's specialty and a disputed item's treatment category. The one place they
 * are written: the case page, the case search and Cockpit's SLA dashboard take them from the server
 * (GET /api/case-labels, and the SLA summary), and the timeline, the reviewer registry and the
 * reviewer's release reasons use them here; the start form's list of categories says the same.
 */
public final class CaseLabels {

    /** In the order a case passes them. */
    public static final Map<String, String> STAGES = ordered(
            "RECEIVED", "Received",
            "SCREENING", "Screening",
            "AWAITING_INFORMATION", "Awaiting information (request)",
            "DEFERRED", "Deferred (liability disputed)",
            "AWAITING_RECORDS", "Awaiting records",
            "RECORDS_CHECK", "Records check",
            "REVIEWER_SELECTION", "Reviewer selection",
            "CLINICAL_SUMMARY", "Clinical summary",
            "ITEM_DECISIONS", "Item decisions",
            "LETTER_QA", "Letter QA",
            "LETTER_CORRECTION", "Letter correction",
            "REMANDED", "Remanded",
            "ISSUED", "Letter issued",
            "INELIGIBLE", "Ineligible",
            "WITHDRAWN", "Withdrawn");

    public static final Map<String, String> STATUSES = ordered(
            CaseStatus.OPEN.name(), "Open",
            CaseStatus.INELIGIBLE.name(), "Closed: ineligible",
            CaseStatus.WITHDRAWN.name(), "Closed: withdrawn",
            CaseStatus.CONSOLIDATED.name(), "Closed: joined into an earlier case",
            CaseStatus.DETERMINATION_ISSUED.name(), "Closed: determination issued");

    public static final Map<String, String> SLA_STATUSES = ordered(
            "ON_TRACK", "On track",
            "AT_RISK", "At risk",
            "BREACHED", "Breached");

    /** The deadline whose clock is running for an open case. */
    public static final Map<String, String> DEADLINES = ordered(
            "SCREENING", "Screening (eligibility finding)",
            "INFORMATION", "Information requested (party to answer)",
            "LIABILITY", "None: awaiting the liability determination",
            "RECORDS", "Records (claims administrator)",
            "DETERMINATION", "Determination");

    /** Reviewers' specialties as the reviewer registry and the determination letter name them. */
    public static final Map<String, String> SPECIALTIES = ordered(
            "OCCUPATIONAL_MEDICINE", "Occupational Medicine",
            "PHYSICAL_MEDICINE_REHABILITATION", "Physical Medicine and Rehabilitation",
            "ORTHOPEDIC_SURGERY", "Orthopedic Surgery",
            "PAIN_MEDICINE", "Pain Medicine",
            "ANESTHESIOLOGY", "Anesthesiology",
            "NEUROLOGY", "Neurology",
            "NEUROSURGERY", "Neurological Surgery",
            "PSYCHIATRY", "Psychiatry",
            "INTERNAL_MEDICINE", "Internal Medicine",
            "FAMILY_MEDICINE", "Family Medicine",
            "PLASTIC_SURGERY", "Plastic Surgery");

    /** Treatment categories of a disputed item, as the paper-application start form lists them. */
    public static final Map<String, String> TREATMENT_CATEGORIES = ordered(
            "MASSAGE", "Massage therapy",
            "PT_CHRONIC", "Physical/occupational therapy (chronic)",
            "PT_POSTSURG", "Post-surgical physical medicine",
            "CHIRO", "Chiropractic / manipulation",
            "ACUPUNCTURE", "Acupuncture",
            "TENS", "TENS / electrotherapy",
            "EXERCISE_GYM", "Home exercise, gym, aquatic therapy",
            "OPIOID", "Opioids",
            "NSAID", "NSAIDs",
            "MUSCLE_RELAXANT", "Muscle relaxants",
            "AED", "Anti-epilepsy drugs",
            "PPI", "Proton-pump inhibitors",
            "TOPICAL", "Topical compounded analgesics",
            "LIDOCAINE_PATCH", "Lidocaine patch",
            "MRI_LUMBAR", "MRI lumbar spine",
            "MRI_CERVICAL", "MRI cervical spine",
            "EMG_NCV", "EMG / nerve conduction",
            "ESI", "Epidural steroid injection",
            "FACET_BLOCK", "Facet injection / medial branch block",
            "RFA", "Radiofrequency ablation",
            "FRP", "Functional restoration programme",
            "UDS", "Urine drug screen",
            "PSYCH_EVAL", "Psychological evaluation",
            "PSYCHOTHERAPY", "Psychotherapy / CBT / biofeedback",
            "SLEEP_AID", "Sleep aids",
            "CTS_SURGERY", "Carpal tunnel release",
            "WRIST_SPLINT", "Wrist splint",
            "WORK_CONDITIONING", "Work conditioning / hardening",
            "OTHER", "Other");

    private CaseLabels() {
    }

    /** Every kind of label by the name the pages read it under. */
    public static Map<String, Map<String, String>> all() {
        return ordered("stages", STAGES, "statuses", STATUSES, "slaStatuses", SLA_STATUSES, "deadlines", DEADLINES,
                "specialties", SPECIALTIES, "treatmentCategories", TREATMENT_CATEGORIES);
    }

    /** "Case closed: determination issued". */
    public static String closing(CaseStatus status) {
        return "Case " + lowerFirst(STATUSES.get(status.name()));
    }

    /** "Case closed: determination issued" for a status as stored; a status not known, in plain words. */
    public static String closing(String status) {
        return STATUSES.containsKey(status) ? closing(CaseStatus.valueOf(status)) : "Case closed: " + words(status);
    }

    /** A specialty as the reviewer registry names it ("Occupational Medicine"); one not known, in plain words. */
    public static String specialty(String code) {
        return SPECIALTIES.getOrDefault(code, words(code));
    }

    /** AT_RISK -> "at risk": what a code without a label reads as. */
    public static String words(String code) {
        return code == null ? null : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String lowerFirst(String text) {
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
