package org.openimr.reviewer;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.Roles;
import org.openimr.reviewer.RosterRequests.NewAffiliation;
import org.openimr.reviewer.RosterRequests.NewReviewer;
import org.openimr.system.ConflictException;
import org.openimr.system.InvalidInputException;
import org.openimr.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What supervisors do to the roster: add, change, deactivate and reactivate, declare a tie. */
@Service
class RosterManagement {

    private static final Logger log = LoggerFactory.getLogger(RosterManagement.class);

    /** A declared tie and the reviewer's open cases it touches, which a supervisor should reassign. */
    record Declared(Reviewer reviewer, long affiliationId, List<String> conflictingOpenCases) {
    }

    private final Roster roster;
    private final Assignments assignments;
    private final CaseRegistry registry;
    private final CaseReviewers caseReviewers;
    private final IdentityService identityService;

    RosterManagement(Roster roster, Assignments assignments, CaseRegistry registry, CaseReviewers caseReviewers,
            IdentityService identityService) {
        this.roster = roster;
        this.assignments = assignments;
        this.registry = registry;
        this.caseReviewers = caseReviewers;
        this.identityService = identityService;
    }

    Reviewer get(String userId) {
        return roster.byUserId(userId).orElseThrow(() -> new NotFoundException("No reviewer " + userId + " in the roster"));
    }

    /** Adds a reviewer, who must be a Camunda user of the reviewer group: tasks are assigned to that user. */
    @Transactional
    Reviewer add(NewReviewer request, String supervisor) {
        if (identityService.createUserQuery().userId(request.userId()).memberOfGroup(Roles.REVIEWER).count() == 0) {
            throw new InvalidInputException("userId", "must be a user of the " + Roles.REVIEWER + " group");
        }
        if (roster.byUserId(request.userId()).isPresent()) {
            throw new ConflictException("Reviewer " + request.userId() + " is in the roster already");
        }
        long id;
        try {
            id = roster.add(request.userId(), request.profile());
        } catch (DuplicateKeyException raceLost) {
            throw new ConflictException("Reviewer " + request.userId() + " is in the roster already");
        }
        for (NewAffiliation affiliation : request.affiliations()) {
            roster.declareAffiliation(id, affiliation.partyType(), affiliation.partyName(), affiliation.note(), supervisor);
        }
        log.info("Roster: reviewer {} added by {}", request.userId(), supervisor);
        return roster.byId(id).orElseThrow();
    }

    @Transactional
    Reviewer change(String userId, Roster.Profile change, String supervisor) {
        Reviewer reviewer = get(userId);
        roster.change(reviewer.id(), change);
        log.info("Roster: reviewer {} changed by {}", userId, supervisor);
        return get(userId);
    }

    /**
     * Takes a reviewer out of selection, or back in. The reviewer's open cases stay theirs until a
     * supervisor reassigns them; the reviewer's view lists how many there are.
     */
    @Transactional
    Reviewer setActive(String userId, boolean active, String supervisor) {
        Reviewer reviewer = get(userId);
        roster.setActive(reviewer.id(), active);
        log.info("Roster: reviewer {} {} by {}", userId, active ? "activated" : "deactivated", supervisor);
        return get(userId);
    }

    @Transactional
    Declared declare(String userId, NewAffiliation affiliation, String supervisor) {
        Reviewer reviewer = get(userId);
        long id = roster.declareAffiliation(reviewer.id(), affiliation.partyType(), affiliation.partyName(),
                affiliation.note(), supervisor);
        Reviewer.Affiliation declared = get(userId).affiliations().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow();
        List<String> conflicting = assignments.currentOf(reviewer.id()).stream()
                .map(assignment -> registry.findById(assignment.caseId()).orElseThrow())
                .filter(record -> caseReviewers.parties(record).conflict(declared) != null)
                .map(CaseRecord::caseNumber)
                .toList();
        log.info("Roster: affiliation declared for reviewer {} by {}; {} open cases touched", userId, supervisor,
                conflicting.size());
        return new Declared(get(userId), id, conflicting);
    }
}
