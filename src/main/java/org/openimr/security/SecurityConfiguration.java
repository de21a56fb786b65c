package org.openimr.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Locks every door: the application's API and Actuator with HTTP Basic against Camunda's users
 * (Spring Security), the engine REST API with Camunda's own Basic authentication filter, and the
 * webapps with their login page. Nothing answers without credentials but health probes and the
 * OpenAPI description.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
            ObjectProvider<ApiAccessRules> accessRules) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                            .requestMatchers("/actuator/**").hasAnyAuthority(Roles.authority(Roles.ADMIN),
                                    Roles.authority(Roles.SUPERVISOR));
                    // Each capability names the groups that may call its endpoints; the rest needs a login.
                    accessRules.orderedStream().forEach(rules -> rules.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.realmName("IMR"))
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
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        return registration;
    }
}
