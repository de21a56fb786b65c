package org.openimr.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one way to loosen the rules for models, for an operator of the server: with
 * {@code imr.security.models.unrestricted=true} deployments are no longer checked (scripts stay
 * refused) and expressions may call any bean and any method of the server, as in plain Camunda.
 * Off by default; docs/security.md says what it gives away.
 */
@ConfigurationProperties(prefix = "imr.security.models")
public record ModelGuardProperties(boolean unrestricted) {
}
