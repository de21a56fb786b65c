package org.openimr.billing;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Billing is for supervisors and administrators. */
@Component
class BillingApiAccess implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/invoices", "/api/invoices/**", "/api/statements", "/api/cases/*/invoices")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ADMIN));
    }
}
