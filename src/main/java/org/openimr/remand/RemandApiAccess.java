package org.openimr.remand;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Supervisors record remand orders; the people on a case read its reviews (cases.CaseAccess). */
@Component
class RemandApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    RemandApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/remands")
                .hasAuthority(Roles.authority(Roles.SUPERVISOR))
                .requestMatchers(HttpMethod.GET, "/api/cases/{caseNumber}/remands").access(cases.readers());
    }
}
