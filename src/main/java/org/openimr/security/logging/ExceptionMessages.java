package org.openimr.security.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exception messages are where patient data reaches a log line without anyone writing it there:
 * Camunda's "Flush summary" lists the variables it failed to write with their values, a database
 * echoes the value it refused, a parser quotes the text it could not read. The application logs
 * cases by number only, so log output keeps an exception's class, its stack and the message code
 * at its start (ENGINE-03004) and withholds the rest of its message. Exceptions of the
 * application's start-up (Spring's bean container and configuration, Flyway's migrations) keep
 * theirs: they describe configuration, not cases, and without them a failed start cannot be read.
 */
final class ExceptionMessages {

    static final String WITHHELD = "[message withheld]";

    private static final Pattern CODE = Pattern.compile("^\\s*([A-Z][A-Z/-]*-\\d{3,})\\b");
    private static final Pattern FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ (more|common frames omitted))");
    private static final Pattern EXCEPTION_HEAD = Pattern.compile(
            "((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)[\\w$]*)(?::|$)");

    private static final List<String> START_UP = List.of("org.springframework.beans.", "org.springframework.context.",
            "org.springframework.boot.", "org.flywaydb.");

    private ExceptionMessages() {
    }

    /** Whether an exception of this class keeps its message in the log. */
    static boolean isStartUp(String exceptionClass) {
        return START_UP.stream().anyMatch(exceptionClass::startsWith);
    }

    /** The message as it may be logged: its code, if it starts with one, and no more. */
    static String withhold(String message) {
        if (message == null || message.isBlank()) {
            return message;
        }
        Matcher code = CODE.matcher(message);
        return code.find() ? code.group(1) + " " + WITHHELD : WITHHELD;
    }

    /** Whether a log message holds a stack trace written out as text (Camunda's REST API logs its errors so). */
    static boolean holdsStackTrace(String message) {
        return message.contains("\n\tat ");
    }

    /**
     * A stack trace written out as text, with the message of each exception in it withheld: the
     * frames and the exception heads stay, the lines of their messages go.
     */
    static String withholdInStackTrace(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (FRAME.matcher(line).find()) {
                out.append(line).append('\n');
                continue;
            }
            Matcher head = EXCEPTION_HEAD.matcher(line);
            if (head.find()) {
                String message = line.substring(head.end(1)).replaceFirst("^:\\s*", "");
                out.append(line, 0, head.end(1));
                if (!message.isBlank()) {
                    out.append(": ").append(withhold(message));
                }
                out.append('\n');
            }
            // Any other line continues a message: withheld with it.
        }
        return out.toString().stripTrailing();
    }
}
