package org.openimr.reviewer;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The roster and a case's reviewer (who it is, how chosen, reassignment) are for supervisors only. */
@Component
class ReviewerApiAccess implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/reviewers", "/api/reviewers/**", "/api/cases/*/reviewer")
                .hasAuthority(Roles.authority(Roles.SUPERVISOR));
    }
}
