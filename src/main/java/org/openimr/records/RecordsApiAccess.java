package org.openimr.records;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Records received are entered by intake staff, supervisors or administrators, for a case of theirs. */
@Component
class RecordsApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    RecordsApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/records").access(cases.workers());
    }
}
