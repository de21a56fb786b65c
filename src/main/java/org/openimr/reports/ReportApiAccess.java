package org.openimr.reports;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The monthly figures carry no patient data: supervisors, analysts and administrators read them. */
@Component
class ReportApiAccess implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/reports/**")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN));
    }
}
