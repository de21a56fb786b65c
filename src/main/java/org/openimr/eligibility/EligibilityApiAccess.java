package org.openimr.eligibility;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A case's screening history is read by those who may read the case; its liability determination
 * and a party's answer to a request for information are recorded by intake staff, supervisors and
 * administrators (cases.CaseAccess).
 */
@Component
class EligibilityApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    EligibilityApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/cases/{caseNumber}/screening").access(cases.readers())
                .requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/liability-determination")
                .access(cases.workers())
                .requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/information-received")
                .access(cases.workers());
    }
}
