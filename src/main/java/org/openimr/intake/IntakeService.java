package org.openimr.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.Channel;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.ImrApplication;
import org.openimr.system.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Registers applications: one case registry row, its disputed items and the case process, in
 * one transaction, so that a failed registration leaves nothing behind (and one that collided with
 * another transaction is run again, see {@link RetryingTransactions}). It is where a duplicate
 * application is detected, from either channel.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final CaseRegistry registry;
    private final CaseNumbers caseNumbers;
    private final RuntimeService runtimeService;
    private final ObjectMapper objectMapper;
    private final RetryingTransactions transactions;

    IntakeService(CaseRegistry registry, CaseNumbers caseNumbers, RuntimeService runtimeService,
            ObjectMapper objectMapper, RetryingTransactions transactions) {
        this.registry = registry;
        this.caseNumbers = caseNumbers;
        this.runtimeService = runtimeService;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
    }

    /** An application that arrived through the API: registered, then its case process started. */
    public String submit(ImrApplication application, String submittedBy) {
        try {
            return transactions.run("New application", () -> {
                Registration registration = register(application, Channel.API, submittedBy);
                ProcessInstance instance = runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
                        .businessKey(registration.caseNumber())
                        .setVariables(registration.variables())
                        .setVariables(registration.transientScreeningInputs())
                        .execute();
                registry.linkProcessInstance(registration.caseId(), instance.getId());
                return registration.caseNumber();
            });
        } catch (DuplicateKeyException raceLost) {
            // A concurrent submission of the same application committed first: its case is there now.
            refuseDuplicate(ApplicationFingerprint.of(application));
            throw raceLost;
        }
    }

    /**
     * An application keyed into the start form of a case process that has started already: registered
     * as {@link #submit} registers one, and the process given what an API case starts with.
     */
    void registerStarted(ImrApplication application, String keyedBy, DelegateExecution execution) {
        Registration registration = register(application, Channel.PAPER, keyedBy);
        registry.linkProcessInstance(registration.caseId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(registration.caseNumber());
        execution.setVariables(registration.variables());
        // Kept as variables, unlike an API case's: most of them were the start form's fields, and Camunda
        // cannot make a variable transient in the transaction that removed it.
        execution.setVariables(registration.screeningInputs());
    }

    /** Registers an application; the caller starts or continues its process with the variables. */
    private Registration register(ImrApplication application, Channel channel, String registeredBy) {
        String fingerprint = ApplicationFingerprint.of(application);
        refuseDuplicate(fingerprint);
        String caseNumber = caseNumbers.next(application.applicationReceivedDate());
        long caseId = registry.insert(caseNumber, fingerprint, channel, application, json(application), registeredBy);
        List<DisputedItem> items = application.disputedItems();
        DuplicateItems duplicates = new DuplicateItems(application.urDecisionDate());
        for (int i = 0; i < items.size(); i++) {
            DisputedItem item = items.get(i);
            registry.insertItem(caseId, i + 1, item, json(item));
            duplicates.add(i + 1, item, registry.earlierItemsLike(caseId, application.employee().claimNumber(),
                    application.employee().name(), application.urDecisionDate(), item.treatmentCategory(),
                    item.requestedTreatment()));
        }
        log.info("Registered case {} ({} disputed items, channel {})", caseNumber, items.size(), channel);
        Map<String, Object> variables = new HashMap<>(CaseVariables.of(application, caseNumber, channel));
        variables.putAll(duplicates.variables());
        return new Registration(caseId, caseNumber, variables, screeningInputs(application, !duplicates.isEmpty()));
    }

    /** Refuses an application whose fingerprint a registered case has: the same application. */
    private void refuseDuplicate(String fingerprint) {
        registry.caseNumberWithFingerprint(fingerprint).ifPresent(existing -> {
            throw new DuplicateApplicationException(existing);
        });
    }

    /** Inputs of the eligibility decision (bpmn/eligibility.dmn). */
    private static Map<String, Object> screeningInputs(ImrApplication application, boolean earlierApplication) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("filedBy", application.filedBy().name());
        inputs.put("signed", application.signed());
        inputs.put("urDecisionAttached", application.urDecisionAttached());
        inputs.put("urDecisionType", application.urDecisionType().name());
        inputs.put("liabilityDisputed", application.liabilityDisputed());
        inputs.put("daysFromUrServiceToFiling", (int) ChronoUnit.DAYS.between(
                application.urDecisionServedDate(), application.applicationReceivedDate()));
        inputs.put("earlierApplicationForSameTreatment", earlierApplication);
        inputs.put("applicationComplete", application.employee().claimNumber() != null
                && application.employee().dateOfInjury() != null);
        return inputs;
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An application always serializes", e);
        }
    }

    record Registration(long caseId, String caseNumber, Map<String, Object> variables,
                        Map<String, Object> screeningInputs) {

        /**
         * The screening inputs for a case started with them: the eligibility decision runs in the same
         * transaction and its history keeps them beside its findings. As process variables they would be
         * eight more a case, each with its history rows, that nothing reads again.
         */
        Map<String, Object> transientScreeningInputs() {
            Map<String, Object> inputs = new HashMap<>();
            screeningInputs.forEach((name, value) -> inputs.put(name, Variables.untypedValue(value, true)));
            return inputs;
        }
    }
}
