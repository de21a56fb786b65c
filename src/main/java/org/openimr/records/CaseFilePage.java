package org.openimr.records;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The case-file page of the browser (static/case-file.html): a case's documents, one of them paged
 * through, and for intake the upload of scanned mail. Forms and lists link to it.
 */
final class CaseFilePage {

    static final String PATH = "/case-file.html";

    private CaseFilePage() {
    }

    static String address(String caseNumber, long documentId) {
        return PATH + "?case=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8) + "&document=" + documentId;
    }
}
