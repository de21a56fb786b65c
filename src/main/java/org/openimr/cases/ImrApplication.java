package org.openimr.cases;

import java.time.LocalDate;
import java.util.List;

/** An application for IMR (DWC Form IMR) as validated at intake. */
public record ImrApplication(
        LocalDate applicationReceivedDate,
        LocalDate applicationSignedDate,
        boolean signed,
        FilingParty filedBy,
        LocalDate urDecisionDate,
        LocalDate urDecisionServedDate,
        UrDecisionType urDecisionType,
        boolean urDecisionAttached,
        boolean liabilityDisputed,
        boolean expedited,
        NoticeDelivery noticeDelivery,
        Employee employee,
        Party employer,
        Party claimsAdministrator,
        Physician requestingPhysician,
        List<DisputedItem> disputedItems) {

    public enum FilingParty { EMPLOYEE, REPRESENTATIVE, EMPLOYER, CLAIMS_ADMINISTRATOR, OTHER }

    /** What the UR decision did; only a medical-necessity denial, modification or delay is reviewable. */
    public enum UrDecisionType { DENIED, MODIFIED, DELAYED, CONDITIONALLY_NON_CERTIFIED, NOT_FOR_MEDICAL_NECESSITY }

    /** How the notice of assignment goes to the parties; it sets the records deadline (15 or 12 days). */
    public enum NoticeDelivery { MAIL, ELECTRONIC }

    public record Employee(String name, LocalDate dateOfBirth, LocalDate dateOfInjury, String claimNumber,
            String address, String representative) {
    }

    public record Party(String name, String address) {
    }

    public record Physician(String name, String specialty, String group, String address) {
    }
}
