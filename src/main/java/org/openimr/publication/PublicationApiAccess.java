package org.openimr.publication;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.Roles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Supervisors and administrators export determinations for publication and redact those withheld. */
@Component
class PublicationApiAccess implements ApiAccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/publication", "/api/publication/withheld", "/api/publication/withheld/**")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ADMIN));
    }
}
