package org.openimr.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openimr.system.CaseClock;

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

    /** The variables a case process starts with, from the case's application. */
    public static Map<String, Object> of(ImrApplication application, String caseNumber, Channel channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NUMBER, caseNumber);
        variables.put(CHANNEL, channel.name());
        variables.put(EXPEDITED, application.expedited());
        variables.put(NOTICE_DELIVERY, application.noticeDelivery().name());
        variables.put(APPLICATION_RECEIVED_DATE, CaseClock.toDate(CaseClock.startOf(application.applicationReceivedDate())));
        variables.put(UR_DECISION_DATE, CaseClock.toDate(CaseClock.startOf(application.urDecisionDate())));
        variables.put(ITEM_COUNT, application.disputedItems().size());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= application.disputedItems().size(); i++) {
            numbers.add(i);
        }
        variables.put(REQUESTED_ITEMS, requestedItems(application.disputedItems(), numbers));
        variables.put(FORMULARY_DISPUTE, application.disputedItems().stream().allMatch(FormularyScope::formularyDispute));
        // The statutory visit cap of the guideline rules needs it, in a later transaction.
        variables.put("dateOfInjury", application.employee().dateOfInjury() == null ? null
                : CaseClock.toDate(CaseClock.startOf(application.employee().dateOfInjury())));
        return variables;
    }

    /** The disputed treatments with these item numbers as a numbered Markdown list, as the Tasklist forms show them. */
    public static String requestedItems(List<DisputedItem> items, List<Integer> numbers) {
        StringBuilder text = new StringBuilder();
        for (int number : numbers) {
            text.append(number).append(". ").append(items.get(number - 1).requestedTreatment()).append('\n');
        }
        return text.toString().strip();
    }
}
