package org.openimr.records;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Medical records made for tests: a progress report as a PDF of any number of pages, a fax as a
 * multi-page TIFF (bilevel, CCITT Group 4, as fax servers write them), a scanned page as JPEG or PNG,
 * a scanned record as a large PDF of page pictures, and a password-protected PDF.
 */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A typed report of {@code pages} pages, each saying which page it is; {@code label} makes it a file of its own. */
    public static byte[] pdf(int pages, String label) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int page = 1; page <= pages; page++) {
                PDPage pdfPage = new PDPage(PDRectangle.LETTER);
                document.addPage(pdfPage);
                try (PDPageContentStream text = new PDPageContentStream(document, pdfPage)) {
                    text.beginText();
                    text.setFont(font, 14);
                    text.newLineAtOffset(72, 700);
                    text.showText("Primary treating physician's progress report (" + label + ")");
                    text.newLineAtOffset(0, -24);
                    text.showText("Page " + page + " of " + pages);
                    for (int line = 0; line < 20; line++) {
                        text.newLineAtOffset(0, -20);
                        text.showText("Neck pain 6/10, range of motion limited; massage visit " + line + " completed.");
                    }
                    text.endText();
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens only with a password (a user password, not merely restricted permissions). */
    public static byte[] passwordProtectedPdf() {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf(2, "protected"))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fax of {@code pages} pages at fax resolution (1728 x 2200, bilevel), Group 4 compressed. */
    public static byte[] tiff(int pages, String label) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("CCITT T.6");
            writer.prepareWriteSequence(null);
            for (int page = 1; page <= pages; page++) {
                BufferedImage image = new BufferedImage(1728, 2200, BufferedImage.TYPE_BYTE_BINARY);
                draw(image, "Fax " + label + ", page " + page + " of " + pages);
                writer.writeToSequence(new IIOImage(image, null, null), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A scanned page as an image file: "png" or "jpeg". */
    public static byte[] image(String format, String label) {
        BufferedImage image = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        draw(image, "Scanned " + label);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A scanned record: {@code pages} pages, each a picture of grey noise sized so the file comes to
     * about {@code bytes}, written to {@code file} a page at a time (never whole in memory).
     */
    public static void scannedPdf(Path file, int pages, long bytes, long seed) throws IOException {
        Random random = new Random(seed);
        // Noise hardly compresses; each page is sized from what a pixel cost on the page before, so that the
        // pictures add up to the target.
        int side = 400;
        double bytesPerPixel = jpeg(noise(side, random)).length / (double) (side * side);
        long written = 0;
        try (PDDocument document = new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
            for (int page = 1; page <= pages; page++) {
                long perPage = Math.max(10_000, (bytes - written) / (pages - page + 1));
                side = (int) Math.sqrt(perPage / bytesPerPixel);
                BufferedImage picture = noise(side, random);
                draw(picture, "Scanned page " + page + " of " + pages);
                byte[] jpeg = jpeg(picture);
                written += jpeg.length;
                bytesPerPixel = jpeg.length / (double) (side * side);
                PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
                PDPage pdfPage = new PDPage(PDRectangle.LETTER);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    content.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                document.save(out);
            }
        }
    }

    private static BufferedImage noise(int side, Random random) {
        BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        random.nextBytes(((java.awt.image.DataBufferByte) noise.getRaster().getDataBuffer()).getData());
        return noise;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", bytes);
        return bytes.toByteArray();
    }

    private static void draw(BufferedImage image, String text) {
        Graphics2D g = image.createGraphics();
        try {
            if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.setColor(Color.WHITE);
            g.fillRect(40, 40, Math.min(image.getWidth() - 80, 1400), 140);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, Math.max(12, Math.min(64, image.getWidth() / 24))));
            g.drawString(text, 60, 130);
        } finally {
            g.dispose();
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }
}
