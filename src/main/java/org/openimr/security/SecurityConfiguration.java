package org.openimr.security;

import org.openimr.cases.UploadLimit;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.util.unit.DataSize;

/**
 * Locks every door: the application's API and Actuator with HTTP Basic against Camunda's users
 * (Spring Security), the engine REST API with Camunda's own Basic authentication filter, and the
 * webapps with their login page. Nothing answers without credentials but health probes and the
 * OpenAPI description. In front of all of them, request bodies are capped in size, and what a
 * form submission to the engine may carry is checked ({@link FormSubmissionGuard}).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
            ObjectProvider<ApiAccessRules> accessRules, ObjectMapper objectMapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                            .requestMatchers("/actuator/**").hasAnyAuthority(Roles.authorities(Roles.ADMIN,
                                    Roles.SUPERVISOR));
                    // Each capability names the groups that may call its endpoints (and asks CaseAccess for a case's).
                    accessRules.orderedStream().forEach(rules -> rules.apply(requests));
                    // An endpoint without a rule of its own is closed, so that a new one is never open by mistake.
                    requests.anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new WebappSessionAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                // Nothing logs in here, so there is no session to protect from fixation; left on, it gave the
                // webapps' session a new id whenever a Tasklist or Cockpit page called the API (the letter PDF, the
                // SLA dashboard), and the webapp's requests still in flight with the old id failed.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Stateless Basic authentication carries no ambient credentials a forged request could use.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ObjectMapper objectMapper,
            @Value("${imr.security.max-body}") DataSize maxBody,
            @Value("${imr.security.max-upload}") DataSize maxUpload, ObjectProvider<UploadLimit> uploadLimits) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(maxBody.toBytes(), maxUpload.toBytes(), uploadLimits.orderedStream().toList(),
                        objectMapper));
        registration.setName("request-size-limit");
        registration.addUrlPatterns("/*");
        // Before anything, Spring Security and the REST layers included, reads a body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormSubmissionGuard> formSubmissionGuard(ObjectProvider<DeployedForms> forms,
            ObjectMapper objectMapper, @Value("${camunda.bpm.webapp.application-path}") String webappPath) {
        FilterRegistrationBean<FormSubmissionGuard> registration =
                new FilterRegistrationBean<>(new FormSubmissionGuard(webappPath, forms, objectMapper));
        registration.setName("form-submission-guard");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        // After the engine REST API's authentication: a request without credentials is refused before its body is read.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
