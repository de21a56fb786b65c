package org.openimr.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the medical records the browser walk uploads (src/test/browser/case-walk.mjs): a 300-page
 * progress report (PDF) and a 24-page fax (TIFF), into the folder named by the first argument.
 */
public final class TestDocumentFiles {

    private TestDocumentFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        String label = args.length > 1 ? args[1] : "walk";
        Files.write(folder.resolve("progress-report.pdf"), TestDocuments.pdf(300, label));
        Files.write(folder.resolve("ur-fax.tif"), TestDocuments.tiff(24, label));
        System.out.println(folder.toAbsolutePath());
    }
}
