package org.openimr.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * A task's answers refused by one of its complete listeners (an item decided against its
 * recommendation without the reviewer's own citation, a conflicted reviewer named) answer HTTP 400
 * with the fields, not 500. Camunda wraps every exception of a task listener in an engine
 * exception, so the REST API cannot see that the input was at fault. A start form refused as a
 * conflict (an application registered already) answers 409, as the application's own API does.
 * Registered with every Jersey application through {@code META-INF/services}: the engine REST API
 * and the one Tasklist submits forms to, which the application cannot configure otherwise.
 */
public final class RefusedTaskAnswers implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(Responses.class)) {
            context.register(Responses.class);
        }
        if (!context.getConfiguration().isRegistered(Conflicts.class)) {
            context.register(Conflicts.class);
        }
    }

    /** Ahead of Camunda's own mapper of the same exception, which answers any other failure as before. */
    @Priority(1)
    public static final class Responses implements ExtendedExceptionMapper<RestException> {

        @Override
        public boolean isMappable(RestException exception) {
            return refusal(exception) != null;
        }

        @Override
        public Response toResponse(RestException exception) {
            InvalidInputException refusal = refusal(exception);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "InvalidInputException");
            body.put("message", refusal.getMessage());
            body.put("errors", refusal.problems());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                    .build();
        }

        private static InvalidInputException refusal(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return invalid;
                }
            }
            return null;
        }
    }

    /** A delegate's conflict reaches the REST layer as it was thrown; Camunda would answer it 500. */
    public static final class Conflicts implements ExceptionMapper<ConflictException> {

        @Override
        public Response toResponse(ConflictException conflict) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", conflict.getClass().getSimpleName());
            body.put("message", conflict.getMessage());
            if (conflict.existing() != null) {
                body.put("caseNumber", conflict.existing());
            }
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }
}
