package org.openimr.cases;

/** Names of the process variables every capability reads; the BPMN and the forms use the same names. */
public final class CaseVariables {

    public static final String PROCESS_KEY = "imr-case";

    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHANNEL = "channel";
    public static final String STAGE = "stage";
    public static final String EXPEDITED = "expedited";
    public static final String NOTICE_DELIVERY = "noticeDelivery";
    public static final String APPLICATION_RECEIVED_DATE = "applicationReceivedDate";
    public static final String UR_DECISION_DATE = "urDecisionDate";
    public static final String ITEM_COUNT = "itemCount";
    public static final String REQUESTED_ITEMS = "requestedItems";
    public static final String OUTCOME = "outcome";
    /** True when every disputed item is a formulary drug: the determination is due in 5 working days. */
    public static final String FORMULARY_DISPUTE = "formularyDispute";

    private CaseVariables() {
    }
}
