package org.openimr.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a refused production start-up as Spring Boot reports a failed start: the reasons and
 * what to do, as text, where the exception's own message would be withheld from the log.
 */
public class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSecretsCheck.MissingSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSecretsCheck.MissingSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the environment variables IMR_DB_URL, IMR_DB_USER, "
                + "IMR_DB_PASSWORD and IMR_ADMIN_PASSWORD (secrets of 12 characters or more, none of them a "
                + "well-known default) and leave imr.demo.enabled false.", cause);
    }
}
