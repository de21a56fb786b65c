package org.openimr.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person logged in to Tasklist or Cockpit open what those pages link to (the letter PDF
 * of the QA task) without a second login: a GET to the API with the webapps' session counts as
 * that user. Only safe methods, so the session cannot be used to change anything.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    WebappSessionAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && "GET".equals(request.getMethod())
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentication user = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine("default");
            if (user != null) {
                SecurityContextHolder.getContext().setAuthentication(
                        CamundaIdentityAuthenticationProvider.authenticated(identityService, user.getName()));
            }
        }
        chain.doFilter(request, response);
    }
}
