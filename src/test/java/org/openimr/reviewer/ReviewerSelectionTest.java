package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.DisputedItemFields;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.reviewer.Reviewer.PartyType;
import org.openimr.reviewer.ReviewerSelection.Candidate;
import org.openimr.reviewer.ReviewerSelection.Outcome;
import org.openimr.reviewer.ReviewerSelection.Result;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hard rules and conflict types of shared/domain/imr-process.md §5, each shown by two
 * reviewers of which exactly one breaks it, and workload balancing over many cases. Selection
 * runs against the real roster tables, for the specialty neurosurgery that only test reviewers have.
 */
class ReviewerSelectionTest extends CaseTest {

    private static final List<Specialty> NEUROSURGERY = List.of(Specialty.NEUROSURGERY);

    @Autowired
    ReviewerSelection selection;

    @Autowired
    CaseReviewers caseReviewers;

    @Autowired
    Roster roster;

    @Autowired
    Selections selections;

    @Autowired
    SpecialtyMatcher specialtyMatcher;

    TestReviewers reviewers;

    @BeforeEach
    void testRoster() {
        reviewers = new TestReviewers(context);
    }

    @AfterEach
    void retireTestReviewers() {
        reviewers.retire();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardRules")
    void aReviewerBreakingOneHardRuleIsLeftOutForExactlyThatReasonWhileAnotherQualifies(String rule,
            UnaryOperator<Roster.Profile> breakRule, String reason) {
        Reviewer qualified = reviewers.add(TestReviewers.qualified());
        Reviewer breaking = reviewers.add(breakRule.apply(TestReviewers.qualified()));
        if (rule.equals("active")) {
            roster.setActive(breaking.id(), false);
        }
        CaseRecord record = newCase(TestApplications.seedCase());

        Result result = select(record);

        assertThat(result.chosen()).map(Reviewer::userId).contains(qualified.userId());
        assertThat(candidate(result, breaking)).satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.EXCLUDED);
            assertThat(c.reasons()).containsExactly(reason);
        });
        assertThat(recordedReasons(record, breaking)).isEqualTo(reason);
    }

    static Stream<Arguments> hardRules() {
        return Stream.of(
                rule("board certified (R2)", p -> with(p, List.of(new Certification(Specialty.NEUROSURGERY, false))),
                        "not board certified in a fitting specialty"),
                rule("fitting specialty (R6)", p -> with(p, List.of(new Certification(Specialty.PSYCHIATRY, true))),
                        "not board certified in a fitting specialty"),
                rule("California licence (R3)", p -> new Roster.Profile(p.displayName(), p.clinicalPracticeSince(),
                        p.activePracticeHours(), p.capacity(), p.specialties(), List.of("NV", "OR")),
                        "no California licence"),
                rule("more than 5 years in practice (R4)", p -> since(p, 5, 0),
                        "not more than 5 years in clinical practice (5)"),
                rule("at least 24 hours a week (R5)", p -> new Roster.Profile(p.displayName(),
                        p.clinicalPracticeSince(), 23, p.capacity(), p.specialties(), p.licenceStates()),
                        "fewer than 24 hours a week of active practice (23)"),
                rule("active", p -> p, "inactive"),
                rule("capacity", p -> new Roster.Profile(p.displayName(), p.clinicalPracticeSince(),
                        p.activePracticeHours(), 0, p.specialties(), p.licenceStates()),
                        "at capacity (0 of 0 open cases)"));
    }

    @Test
    void theLimitsOfTheRulesQualify() {
        // One day more than five years, and exactly 24 hours a week.
        Reviewer atTheLimits = reviewers.add(new Roster.Profile("Dr. At The Limits",
                CaseClock.today().minusYears(5).minusDays(1), 24, 1,
                List.of(new Certification(Specialty.NEUROSURGERY, true)), List.of("CA")));

        Result result = select(newCase(TestApplications.seedCase()));

        assertThat(result.chosen()).map(Reviewer::userId).contains(atTheLimits.userId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void aReviewerTiedToAPartyIsLeftOutForExactlyThatTieWhileAnotherQualifies(PartyType type,
            Function<ObjectNode, String> partyName, String reason) {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).put("representative", "Law Office of Test Representative");
        Reviewer qualified = reviewers.add(TestReviewers.qualified());
        // A tie to someone outside the case is no conflict.
        roster.declareAffiliation(qualified.id(), type, "Somebody Else Entirely", "unrelated", "test");
        Reviewer tied = reviewers.add(TestReviewers.qualified());
        roster.declareAffiliation(tied.id(), type, partyName.apply(application), "declared", "test");
        CaseRecord record = newCase(application);

        Result result = select(record);

        assertThat(result.chosen()).map(Reviewer::userId).contains(qualified.userId());
        assertThat(candidate(result, tied).reasons()).containsExactly(reason);
        assertThat(recordedReasons(record, tied)).isEqualTo(reason);
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(PartyType.EMPLOYEE, party("/employee/name"), "affiliated with the employee"),
                Arguments.of(PartyType.EMPLOYEE, party("/employee/representative"),
                        "affiliated with the employee's representative"),
                Arguments.of(PartyType.EMPLOYER, party("/employer/name"), "affiliated with the employer"),
                Arguments.of(PartyType.CLAIMS_ADMINISTRATOR, party("/claimsAdministrator/name"),
                        "affiliated with the claims administrator"),
                Arguments.of(PartyType.INSURER, party("/claimsAdministrator/name"),
                        "affiliated with the claims administrator"),
                Arguments.of(PartyType.PHYSICIAN, party("/requestingPhysician/name"),
                        "affiliated with the requesting physician"),
                Arguments.of(PartyType.PROVIDER_GROUP, party("/requestingPhysician/group"),
                        "affiliated with the requesting physician's group"),
                // Spelled differently from the application ("Central Valley Packing Co.").
                Arguments.of(PartyType.OTHER, (Function<ObjectNode, String>) a -> "CENTRAL VALLEY PACKING COMPANY",
                        "affiliated with a party to the case"));
    }

    @Test
    void theWorkSpreadsEvenlyWithTiesBrokenByRosterOrder() {
        List<Reviewer> team = List.of(reviewers.add(TestReviewers.qualified()), reviewers.add(TestReviewers.qualified()),
                reviewers.add(TestReviewers.qualified()));
        List<String> chosen = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Result result = select(newCase(TestApplications.seedCase()));
            results.add(result);
            chosen.add(result.chosen().orElseThrow().userId());
        }

        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            team.forEach(reviewer -> expected.add(reviewer.userId()));
        }
        assertThat(chosen).containsExactlyElementsOf(expected);
        assertThat(team).allSatisfy(reviewer -> assertThat(roster.byId(reviewer.id()).orElseThrow().openCases())
                .isEqualTo(8));
        // The second case went to the second reviewer: the first had more open cases, the third was later in the roster.
        assertThat(candidate(results.get(1), team.get(0)).reasons())
                .containsExactly("qualified, but more open cases (1) than the chosen reviewer (0)");
        assertThat(candidate(results.get(1), team.get(2)).reasons()).containsExactly(
                "qualified, as many open cases and as fitting a specialty as the chosen reviewer, who comes first in the roster");
    }

    @Test
    void withEveryoneTiedOrFullNoOneIsChosenAndEachReasonIsRecorded() {
        Reviewer full = reviewers.add(new Roster.Profile("Dr. Full", TestReviewers.yearsAgo(20), 40, 0,
                List.of(new Certification(Specialty.NEUROSURGERY, true)), List.of("CA")));
        CaseRecord record = newCase(TestApplications.seedCase());

        Result result = select(record);

        assertThat(result.chosen()).isEmpty();
        assertThat(result.report()).contains("No reviewer was chosen", full.userId() + "): at capacity (0 of 0 open cases)");
        assertThat(selections.latest(record.id()).orElseThrow().chosenUserId()).isNull();
    }

    @Test
    void everyTreatmentCategoryHasAQualifiedDemoReviewer() {
        List<Reviewer> demo = roster.all().stream().filter(r -> r.userId().matches("reviewer\\d+")).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(12);
        CaseParties nobody = new CaseParties("-", null, "-", "-", "-", null);
        for (String category : DisputedItemFields.TREATMENT_CATEGORIES) {
            List<Specialty> fitting = specialtyMatcher.fitting(List.of(new SpecialtyMatcher.ItemKind(category, null)));
            assertThat(demo).as(category).anySatisfy(reviewer -> assertThat(SelectionRules.disqualifications(
                    new Reviewer(reviewer.id(), reviewer.userId(), reviewer.displayName(),
                            reviewer.clinicalPracticeSince(), reviewer.activePracticeHours(), reviewer.capacity(), 0,
                            true, reviewer.specialties(), reviewer.licenceStates(), reviewer.affiliations()),
                    fitting, nobody, EarlierReviewers.NONE, CaseClock.today())).isEmpty());
        }
    }

    private Result select(CaseRecord record) {
        return selection.select(record.id(), 1, NEUROSURGERY, caseReviewers.parties(record), "test");
    }

    private CaseRecord newCase(ObjectNode application) {
        return cases.caseRecord(cases.submit(application));
    }

    private String recordedReasons(CaseRecord record, Reviewer reviewer) {
        return selections.latest(record.id()).orElseThrow().candidates().stream()
                .filter(c -> c.userId().equals(reviewer.userId()))
                .findFirst().orElseThrow().reasons();
    }

    private static Candidate candidate(Result result, Reviewer reviewer) {
        return result.candidates().stream().filter(c -> c.userId().equals(reviewer.userId())).findFirst().orElseThrow();
    }

    private static Arguments rule(String name, UnaryOperator<Roster.Profile> breakRule, String reason) {
        return Arguments.of(name, breakRule, reason);
    }

    private static Roster.Profile with(Roster.Profile p, List<Certification> specialties) {
        return new Roster.Profile(p.displayName(), p.clinicalPracticeSince(), p.activePracticeHours(), p.capacity(),
                specialties, p.licenceStates());
    }

    private static Roster.Profile since(Roster.Profile p, int years, int days) {
        return new Roster.Profile(p.displayName(), CaseClock.today().minusYears(years).minusDays(days),
                p.activePracticeHours(), p.capacity(), p.specialties(), p.licenceStates());
    }

    private static Function<ObjectNode, String> party(String pointer) {
        return application -> application.at(pointer).asText();
    }
}
