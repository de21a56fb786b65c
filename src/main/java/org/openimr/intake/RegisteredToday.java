package org.openimr.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseSearchLog;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases a person registered on the current California day, the latest first: intake's own list
 * at the end of a day of keying in paper applications (and of API submissions under their name). The
 * list names the parties of each case, so it is recorded as a case search is.
 */
@Component
class RegisteredToday {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final CaseRegistry registry;
    private final CaseSearchLog searchLog;

    RegisteredToday(CaseRegistry registry, CaseSearchLog searchLog) {
        this.registry = registry;
        this.searchLog = searchLog;
    }

    @Transactional
    List<RegisteredCase> of(String user) {
        LocalDate today = CaseClock.today();
        List<RegisteredCase> registered = registry.registeredBy(user, CaseClock.startOf(today),
                CaseClock.startOf(today.plusDays(1))).stream().map(RegisteredToday::registered).toList();
        searchLog.record(user, "registeredBy=" + user + ", registeredOn=" + today,
                registered.stream().map(RegisteredCase::caseNumber).toList());
        return registered;
    }

    private static RegisteredCase registered(CaseRecord record) {
        return new RegisteredCase(record.caseNumber(), record.employeeName(), record.employeeClaimNumber(),
                record.channel(), record.status(), record.stage(), record.createdAt(),
                TIME.format(CaseClock.inCalifornia(record.createdAt())),
                "/case.html?number=" + record.caseNumber());
    }

    /** One registered case; {@code registeredAtCalifornia} is the clock time in California ("1:05 PM"). */
    record RegisteredCase(String caseNumber, String employeeName, String claimNumber, String channel, String status,
                          String stage, Instant registeredAt, String registeredAtCalifornia, String casePage) {
    }
}
