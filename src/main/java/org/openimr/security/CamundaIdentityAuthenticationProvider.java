package org.openimr.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.openimr.cases.Roles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates the application's API against Camunda's identity service: the same users,
 * hashed passwords and login throttling as Tasklist and Cockpit; groups become authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || !(password instanceof String text) || !identityService.checkPassword(user, text)) {
            throw new BadCredentialsException("Bad credentials");
        }
        return authenticated(identityService, user);
    }

    static UsernamePasswordAuthenticationToken authenticated(IdentityService identityService, String user) {
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(Roles::authority).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
