package org.openimr.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openimr.CaseDriver;

/** Reading letters back as a reader sees them, for comparisons with the expected wording. */
final class LetterTexts {

    /** The running footer of every page ("... · IMR Case CM14-0000001   Page 2 of 3"). */
    private static final Pattern FOOTER = Pattern.compile("(?m)^.*· IMR Case \\S+\\s+Page \\d+ of \\d+\\s*$");

    private LetterTexts() {
    }

    /** The PDF's text as PDFBox extracts it, in reading order (the renderer writes a line's runs out of order). */
    static String extract(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letter's text without page footers, whitespace collapsed: a paragraph split by a page break reads whole. */
    static String body(String text) {
        return CaseDriver.flat(FOOTER.matcher(text).replaceAll(""));
    }

    /** Keeps a rendered PDF in target/letters/ so that a person can look at it. */
    static void keep(String fileName, byte[] pdf) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "letters"));
            Files.write(folder.resolve(fileName), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
