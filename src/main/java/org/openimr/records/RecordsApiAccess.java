package org.openimr.records;

import org.openimr.cases.ApiAccessRules;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.Roles;
import org.openimr.cases.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Records received are entered and delivered by intake staff, supervisors or administrators, for a
 * case of theirs; the documents are read by the people on the case (the same rule as the case:
 * the assigned reviewer, intake while it is open, supervisors, administrators), and the record of
 * who read them by supervisors and administrators.
 */
@Configuration
class RecordsApiAccess implements ApiAccessRules {

    private static final String DOCUMENTS = "/api/cases/{caseNumber}/documents";
    /** Room beyond the files for the delivery's description and the multipart framing. */
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    private final CaseAccess cases;

    RecordsApiAccess(CaseAccess cases) {
        this.cases = cases;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/cases/{caseNumber}/records").access(cases.workers())
                .requestMatchers(HttpMethod.POST, DOCUMENTS).access(cases.workers())
                .requestMatchers(HttpMethod.GET, DOCUMENTS + "/accesses")
                .hasAnyAuthority(Roles.authorities(Roles.SUPERVISOR, Roles.ADMIN))
                .requestMatchers(HttpMethod.GET, DOCUMENTS, DOCUMENTS + "/{documentId}/content",
                        DOCUMENTS + "/{documentId}/pages/{page}").access(cases.readers())
                .requestMatchers(HttpMethod.POST, DOCUMENTS + "/{documentId}/views").access(cases.readers());
    }

    /** A delivery of records may be far larger than other uploads (imr.documents.max-delivery-size). */
    @Bean
    UploadLimit documentDeliveryLimit(DocumentLimits limits) {
        return new UploadLimit(DOCUMENTS, limits.maxDeliverySize().toBytes() + MULTIPART_OVERHEAD);
    }
}
