package org.openimr.intake;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Intake staff (and administrators) submit applications and, with supervisors, list the cases they
 * registered today; the people on a case read it; intake
 * staff, supervisors and administrators withdraw it (cases.CaseAccess).
 */
@Component
class IntakeApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    IntakeApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/cases/registered-today")
                .hasAnyAuthority(Roles.authorities(Roles.INTAKE, Roles.SUPERVISOR, Roles.ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/cases").hasAnyAuthority(Roles.authorities(Roles.INTAKE, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/cases/{caseNumber}").access(cases.readers())
                .requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/withdrawal").access(cases.workers());
    }
}
