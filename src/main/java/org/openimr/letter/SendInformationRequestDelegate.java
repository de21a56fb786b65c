package org.openimr.letter;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Send request for information": asks the party screening named ({@code informationParty}) for
 * what is missing ({@code informationRequested}), answer due by {@code informationDueAt}. The
 * employee's request goes to the representative too. A case may be asked more than once
 * ({@code informationRequests} counts the requests); run again for a request already sent, the step
 * sends nothing more.
 */
@Component("sendInformationRequest")
class SendInformationRequestDelegate implements JavaDelegate {

    private static final Map<String, String> PARTIES = Map.of("EMPLOYEE", "Injured employee",
            "REQUESTING_PHYSICIAN", "Requesting physician", "CLAIMS_ADMINISTRATOR", "Claims administrator");

    private final LetterService letters;
    private final CaseRegistry registry;

    SendInformationRequestDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        long sent = letters.letters(record).stream().filter(letter -> LetterKind.INFORMATION_REQUEST.name()
                .equals(letter.kind()) && LetterStore.Status.ISSUED.name().equals(letter.status())).count();
        int requests = ((Number) execution.getVariable("informationRequests")).intValue();
        if (sent >= requests) {
            return;
        }
        String party = (String) execution.getVariable("informationParty");
        List<String> roles = party.equals("EMPLOYEE") ? List.of("EMPLOYEE", "REPRESENTATIVE") : List.of(party);
        String requested = (String) execution.getVariable("informationRequested");
        letters.compose(record, LetterKind.INFORMATION_REQUEST, Map.of(
                LetterContents.ADDRESSED_TO, roles,
                "requestedFrom", PARTIES.get(party),
                "requestedLines", requested.lines().map(String::strip).filter(line -> !line.isEmpty()).toList(),
                "answerDue", execution.getVariable("informationDueAtText")), "system");
        letters.issue(record, LetterKind.INFORMATION_REQUEST, roles);
    }
}
