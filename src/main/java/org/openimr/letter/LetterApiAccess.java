package org.openimr.letter;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A case's letters are for the people on the case (cases.CaseAccess). */
@Component
class LetterApiAccess implements ApiAccessRules {

    private final CaseAccess cases;

    LetterApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/cases/{caseNumber}/letter").access(cases.readers());
    }
}
