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
 * of the QA task, the case file) without a second login: a GET to the API with the webapps'
 * session counts as that user. Other methods count only when they come from the application's own
 * pages ({@link #PAGE_HEADER}): uploading scanned mail, recording a page viewed. A
 * forged cross-site request can carry the session cookie but not that header without the CORS
 * pre-flight this application never grants, so the session cannot be used from elsewhere.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** The header the application's own pages send with requests that change something. */
    static final String PAGE_HEADER = "X-IMR-Page";

    private final IdentityService identityService;

    WebappSessionAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && (isSafe(request) || isFromOwnPage(request))
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentication user = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine("default");
            if (user != null) {
                SecurityContextHolder.getContext().setAuthentication(
                        CamundaIdentityAuthenticationProvider.authenticated(identityService, user.getName()));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isSafe(HttpServletRequest request) {
        return "GET".equals(request.getMethod());
    }

    private static boolean isFromOwnPage(HttpServletRequest request) {
        return request.getHeader(PAGE_HEADER) != null;
    }
}
