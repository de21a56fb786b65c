package org.openimr.casepage;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The case page is read by the people on the case, as the case itself is (cases.CaseAccess). The
 * search is for intake staff and supervisors (and administrators), and the record of searches for
 * supervisors and administrators, as the record of document views is. The words for a case's codes
 * hold nothing of a case: every signed-in user reads them.
 */
@Component
class CasePageApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    CasePageApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/cases/{caseNumber}/overview", "/api/cases/{caseNumber}/timeline")
                .access(cases.readers())
                .requestMatchers(HttpMethod.GET, "/api/cases")
                .hasAnyAuthority(Roles.authorities(Roles.INTAKE, Roles.SUPERVISOR, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/case-searches")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/case-labels").authenticated();
    }
}
