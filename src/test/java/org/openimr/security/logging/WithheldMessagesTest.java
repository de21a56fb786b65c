package org.openimr.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

/** What the log keeps of an exception: its class, stack and message code, never the rest of its message. */
class WithheldMessagesTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("org.camunda.bpm.engine.context");

    @Test
    void anExceptionsMessageIsWithheldAndItsCodeKept() {
        assertThat(ExceptionMessages.withhold("ENGINE-03004 Exception while executing Database Operation "
                + "'INSERT VariableInstanceEntity[name=clinicalSummary, textValue=Jane Doe has ...]'"))
                .isEqualTo("ENGINE-03004 [message withheld]");
        assertThat(ExceptionMessages.withhold("Value too long for column \"TEXT_\": 'Jane Doe ...'"))
                .isEqualTo("[message withheld]");
    }

    @Test
    void aLineThatCopiesTheMessageOfItsExceptionLosesTheCopy() {
        Exception failure = new RuntimeException("ENGINE-03004 flush summary: textValue=Jane Doe",
                new SQLException("Value too long: 'Jane Doe'"));
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR,
                "ENGINE-16004 Exception while closing command context: {}", failure, new Object[] {failure.getMessage()});

        WithheldMessageConverter messages = new WithheldMessageConverter();
        WithheldThrowableConverter exceptions = new WithheldThrowableConverter();
        exceptions.setContext(context);
        exceptions.start();

        assertThat(messages.convert(event)).isEqualTo(
                "ENGINE-16004 Exception while closing command context: ENGINE-03004 [message withheld]");
        assertThat(exceptions.convert(event)).contains("java.lang.RuntimeException: ENGINE-03004 [message withheld]",
                "Caused by: java.sql.SQLException: [message withheld]", "at org.openimr.security.logging")
                .doesNotContain("Jane Doe");
    }

    @Test
    void aStackTraceLoggedAsTextKeepsItsFramesAndLosesItsMessages() {
        String text = """
                ENGINE-REST-HTTP500 org.camunda.bpm.engine.rest.exception.RestException: Cannot modify variables: ENGINE-03004 Flush summary:
                 [INSERT VariableInstanceEntity[name=markerProbe, textValue=Jane Doe, born 1953-11-17]]
                \tat org.camunda.bpm.engine.rest.sub.impl.AbstractVariablesResource.modifyVariables(AbstractVariablesResource.java:254)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
                Caused by: org.h2.jdbc.JdbcBatchUpdateException: Value too long for column "TEXT_": 'Jane Doe, born 1953-11-17'
                \t... 12 more""";

        String logged = ExceptionMessages.withholdInStackTrace(text);

        assertThat(logged).isEqualTo("""
                ENGINE-REST-HTTP500 org.camunda.bpm.engine.rest.exception.RestException: [message withheld]
                \tat org.camunda.bpm.engine.rest.sub.impl.AbstractVariablesResource.modifyVariables(AbstractVariablesResource.java:254)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
                Caused by: org.h2.jdbc.JdbcBatchUpdateException: [message withheld]
                \t... 12 more""");
    }

    @Test
    void aFailedStartKeepsItsMessageSoThatItCanBeRead() {
        BeanCreationException failed = new BeanCreationException("flyway", "Found non-empty schema(s) \"PUBLIC\"");

        assertThat(new WithheldThrowableProxy(new ThrowableProxy(failed)).getMessage())
                .contains("Found non-empty schema(s)");
    }
}
