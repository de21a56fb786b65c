package org.openimr.eligibility;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * Starts "Wait for medical records": the case, found eligible, can take the items of a later
 * application of the same employee, requesting physician and date of injury that arrived while it
 * was still in screening; each such application still in screening is offered it
 * ({@link Consolidation#offerAgain}).
 */
@Component("offerToApplicationsInScreening")
class OfferToApplicationsInScreeningListener implements ExecutionListener {

    private final CaseRegistry registry;
    private final Consolidation consolidation;

    OfferToApplicationsInScreeningListener(CaseRegistry registry, Consolidation consolidation) {
        this.registry = registry;
        this.consolidation = consolidation;
    }

    @Override
    public void notify(DelegateExecution execution) {
        consolidation.offerAgain(registry.caseOf(execution));
    }
}
