package org.openimr.sla;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The SLA summary (every open case) is for supervisors and administrators; a case's deadlines for
 * the people on it; converting it to expedited review for intake staff, supervisors and
 * administrators on a case of theirs.
 */
@Component
class SlaApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    SlaApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/sla/summary")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/sla/late-records")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/cases/{caseNumber}/deadlines").access(cases.readers())
                .requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/expedite").access(cases.workers());
    }
}
