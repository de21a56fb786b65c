package org.openimr;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of the application and what each may use. The case core ({@code cases}: the case
 * registry and record, who is on a case, the roles, the shared application and disputed-item
 * types) and {@code system} (plumbing) use no capability. Every capability uses the core and
 * {@code system}; beyond them, only these:
 * <ul>
 * <li>records uses sla: a request for records is due under the statutory records deadline;
 * <li>letter uses records, reviewer, decision and sla: a letter states the documents reviewed,
 * the reviewer's qualifications, the decisions and the case outcome, and the notice of assignment
 * asks for the records by their deadline.
 * <li>billing uses letter: invoices and statements are rendered as the letters are, with the
 * organization's letterhead.
 * <li>publication uses reviewer: a published determination names no reviewer of the case.
 * <li>casepage (the case page and the case search) uses only the core: it reads what the other capabilities
 * recorded through their tables and the engine's history, read-only, so that showing a case does not tie it to
 * every capability's classes.
 * <li>remand and reports use only the core: the new review it opens runs through the case process, whose
 * capabilities read the review from the core ({@code cases.Reviews}).
 * </ul>
 * A new package must be placed here before it can be used.
 */
@AnalyzeClasses(packages = "org.openimr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesUseTheCoreAndOnlyTheCapabilitiesListed = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.openimr..")
            .ensureAllClassesAreContainedInArchitecture()
            .layer("application").definedBy("org.openimr")
            .layer("system").definedBy("org.openimr.system..")
            .layer("cases").definedBy("org.openimr.cases..")
            .layer("intake").definedBy("org.openimr.intake..")
            .layer("eligibility").definedBy("org.openimr.eligibility..")
            .layer("records").definedBy("org.openimr.records..")
            .layer("reviewer").definedBy("org.openimr.reviewer..")
            .layer("decision").definedBy("org.openimr.decision..")
            .layer("letter").definedBy("org.openimr.letter..")
            .layer("sla").definedBy("org.openimr.sla..")
            .layer("security").definedBy("org.openimr.security..")
            .layer("remand").definedBy("org.openimr.remand..")
            .layer("billing").definedBy("org.openimr.billing..")
            .layer("reports").definedBy("org.openimr.reports..")
            .layer("publication").definedBy("org.openimr.publication..")
            .layer("casepage").definedBy("org.openimr.casepage..")
            .whereLayer("application").mayNotAccessAnyLayer()
            .whereLayer("system").mayNotAccessAnyLayer()
            .whereLayer("cases").mayOnlyAccessLayers("system")
            .whereLayer("intake").mayOnlyAccessLayers("cases", "system")
            .whereLayer("eligibility").mayOnlyAccessLayers("cases", "system")
            .whereLayer("reviewer").mayOnlyAccessLayers("cases", "system")
            .whereLayer("decision").mayOnlyAccessLayers("cases", "system")
            .whereLayer("sla").mayOnlyAccessLayers("cases", "system")
            .whereLayer("security").mayOnlyAccessLayers("cases", "system")
            .whereLayer("remand").mayOnlyAccessLayers("cases", "system")
            .whereLayer("billing").mayOnlyAccessLayers("cases", "system", "letter")
            .whereLayer("reports").mayOnlyAccessLayers("cases", "system")
            .whereLayer("casepage").mayOnlyAccessLayers("cases", "system")
            .whereLayer("publication").mayOnlyAccessLayers("cases", "system", "reviewer")
            .whereLayer("records").mayOnlyAccessLayers("cases", "system", "sla")
            .whereLayer("letter").mayOnlyAccessLayers("cases", "system", "records", "reviewer", "decision", "sla");

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching("org.openimr.(*)..").should().beFreeOfCycles();
}
