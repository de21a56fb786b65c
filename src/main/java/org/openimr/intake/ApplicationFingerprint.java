package org.openimr.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.openimr.cases.ImrApplication;

/**
 * Identifies "the same application": the same employee, the same UR decision and the same
 * disputed items (in any order), whatever the spacing or case of the text.
 */
final class ApplicationFingerprint {

    private ApplicationFingerprint() {
    }

    static String of(ImrApplication application) {
        StringBuilder key = new StringBuilder()
                .append(normalize(application.employee().name())).append('|')
                .append(application.employee().dateOfBirth()).append('|')
                .append(normalize(application.employee().claimNumber())).append('|')
                .append(application.urDecisionDate()).append('|');
        application.disputedItems().stream()
                .map(item -> item.treatmentCategory() + ":" + normalize(item.requestedTreatment()))
                .sorted()
                .forEach(item -> key.append(item).append('|'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String normalize(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
