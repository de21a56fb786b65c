package org.openimr.reviewer;

import java.time.LocalDate;
import java.util.List;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.reviewer.Reviewer.PartyType;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo roster of the default profile: twelve reviewers (users reviewer1..reviewer12) across
 * the specialties of bpmn/reviewer-specialty.dmn, three of whom fail one hard rule each and seven
 * of whom have declared a tie of one kind each, so that the selection report has something to say.
 */
@Component
@ConditionalOnProperty(name = "imr.demo.enabled", havingValue = "true")
class DemoRoster implements InitializingBean {

    private static final int CAPACITY = 25;

    private final Roster roster;

    DemoRoster(Roster roster) {
        this.roster = roster;
    }

    @Override
    public void afterPropertiesSet() {
        if (!roster.isEmpty()) {
            return;
        }
        LocalDate today = CaseClock.today();
        add("reviewer1", "Dr. Helen Park", today.minusYears(18), 32, Specialty.OCCUPATIONAL_MEDICINE);
        add("reviewer2", "Dr. Marcus Bell", today.minusYears(11), 40, Specialty.PHYSICAL_MEDICINE_REHABILITATION);
        add("reviewer3", "Dr. Priya Nair", today.minusYears(9), 30, Specialty.PAIN_MEDICINE, Specialty.ANESTHESIOLOGY);
        add("reviewer4", "Dr. Robert Alvarez", today.minusYears(22), 36, Specialty.ORTHOPEDIC_SURGERY);
        add("reviewer5", "Dr. Linda Cho", today.minusYears(14), 28, Specialty.NEUROLOGY);
        add("reviewer6", "Dr. Samuel Greene", today.minusYears(16), 24, Specialty.PSYCHIATRY);
        add("reviewer7", "Dr. Fatima Rahman", today.minusYears(7), 38, Specialty.OCCUPATIONAL_MEDICINE,
                Specialty.INTERNAL_MEDICINE);
        add("reviewer8", "Dr. Thomas Reed", today.minusYears(12), 26, Specialty.PHYSICAL_MEDICINE_REHABILITATION,
                Specialty.PAIN_MEDICINE);
        add("reviewer9", "Dr. Grace Liu", today.minusYears(10), 30, Specialty.PLASTIC_SURGERY, Specialty.FAMILY_MEDICINE);
        // Each of these fails one hard rule.
        add("reviewer10", "Dr. Kevin Osei", today.minusYears(4), 40, Specialty.OCCUPATIONAL_MEDICINE);
        add("reviewer11", "Dr. Nora Haddad", today.minusYears(20), 16, Specialty.PHYSICAL_MEDICINE_REHABILITATION);
        roster.add("reviewer12", new Roster.Profile("Dr. James Whitaker", today.minusYears(15), 35, CAPACITY,
                List.of(new Certification(Specialty.OCCUPATIONAL_MEDICINE, true)), List.of("NV", "AZ")));
        // One declared tie of each kind, none to the parties of the seed case.
        affiliation("reviewer1", PartyType.CLAIMS_ADMINISTRATOR, "Golden State Claims Services",
                "Consulted for the claims administrator until 2024");
        affiliation("reviewer2", PartyType.PROVIDER_GROUP, "Bay Area Spine Associates", "Partner until 2022");
        affiliation("reviewer4", PartyType.PHYSICIAN, "Dr. Alan Moss", "Practice partner");
        affiliation("reviewer5", PartyType.EMPLOYER, "Pacific Freight Lines", "Company physician, part time");
        affiliation("reviewer8", PartyType.INSURER, "Redwood Mutual Insurance", "Holds shares");
        affiliation("reviewer9", PartyType.EMPLOYEE, "Jordan Lee", "Brother-in-law");
        affiliation("reviewer3", PartyType.OTHER, "Coastal Surgical Devices", "Paid speaker for the device maker");
    }

    private void affiliation(String userId, PartyType type, String party, String note) {
        roster.declareAffiliation(roster.byUserId(userId).orElseThrow().id(), type, party, note, "demo");
    }

    private void add(String userId, String name, LocalDate since, int hours, Specialty... specialties) {
        roster.add(userId, new Roster.Profile(name, since, hours, CAPACITY,
                List.of(specialties).stream().map(s -> new Certification(s, true)).toList(), List.of("CA")));
    }
}
