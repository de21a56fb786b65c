package org.openimr.decision;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Evaluating an item without a case, and the facts a category's table reads, hold no case data:
 * every role may. How reviewers depart from
 * the rules, and what a changed table would change (case numbers and counts), are for supervisors,
 * analysts and administrators. An item's established facts are read by the people on the case and
 * established by its reviewer.
 */
@Component
class GuidelineApiAccess implements ApiAccessRules {

    private static final String ITEM_FACTS = "/api/cases/{caseNumber}/items/{itemNo}/facts";

    private final CaseAccess cases;

    GuidelineApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/guidelines/evaluate").hasAnyAuthority(Roles.authorities(
                        Roles.ALL.toArray(String[]::new)))
                .requestMatchers(HttpMethod.GET, "/api/guidelines/categories/*/facts").hasAnyAuthority(
                        Roles.authorities(Roles.ALL.toArray(String[]::new)))
                .requestMatchers(HttpMethod.GET, "/api/guidelines/departures", "/api/guidelines/rules")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, ITEM_FACTS).access(cases.readers())
                .requestMatchers(HttpMethod.PUT, ITEM_FACTS).access(cases.reviewers())
                .requestMatchers(HttpMethod.POST, "/api/guidelines/impact")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN));
    }
}
