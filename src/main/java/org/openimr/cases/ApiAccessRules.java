package org.openimr.cases;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which groups may call a capability's endpoints of the application's API. A capability declares
 * a bean of this type; the API's security applies every one before "any other request needs a
 * login", so the rules live beside the endpoints they guard and the security package keeps one
 * place where they come together. Use {@link Roles#authority(String)} for the groups.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
