package org.openimr.cases;

/**
 * A larger cap for multipart uploads to one path of the application's API than
 * {@code imr.security.max-upload}: a capability that takes large files (the medical records)
 * declares a bean of this type beside its endpoint, and {@link RequestSizeLimit} applies it.
 *
 * @param pathPattern a Spring path pattern, e.g. {@code /api/cases/{caseNumber}/documents}
 * @param maxBytes    the largest request body on that path
 */
public record UploadLimit(String pathPattern, long maxBytes) {
}
