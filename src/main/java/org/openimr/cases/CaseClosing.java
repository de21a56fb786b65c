package org.openimr.cases;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Ends a case in the registry and tells the other capabilities, in the same transaction, so that
 * what they hold for it (the reviewer's place) is released exactly once.
 */
@Service
public class CaseClosing {

    private final CaseRegistry registry;
    private final ApplicationEventPublisher events;

    CaseClosing(CaseRegistry registry, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
    }

    /** Closes an open case; a case closed already (a retried job) is left as it is. */
    public void close(CaseRecord record, CaseStatus status, String outcome, String reason) {
        if (registry.close(record.id(), status, outcome, reason)) {
            events.publishEvent(new CaseClosed(record.id(), record.caseNumber(), status));
        }
    }
}
