package org.openimr.letter;

/** The documents the IMR organization writes to the parties, each with its own template. */
public enum LetterKind {
    FINAL_DETERMINATION("final-determination"),
    NOTICE_OF_ASSIGNMENT("notice-of-assignment"),
    INELIGIBILITY_NOTICE("ineligibility-notice"),
    DEFERRAL_NOTICE("deferral-notice"),
    INFORMATION_REQUEST("information-request"),
    ITEM_INELIGIBILITY_NOTICE("item-ineligibility-notice"),
    EXPEDITED_CONVERSION_NOTICE("expedited-conversion-notice"),
    WITHDRAWAL_NOTICE("withdrawal-notice"),
    CONSOLIDATION_NOTICE("consolidation-notice");

    private final String template;

    LetterKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
