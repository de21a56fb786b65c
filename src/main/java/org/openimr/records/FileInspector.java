package org.openimr.records;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

/**
 * Reads a received file for what it is and how many pages it has, from its content alone (never
 * its name or declared type), and refuses what the viewer could not show or what is not a medical
 * record: another kind of file (a program renamed .pdf), an empty or cut-off file, a damaged or
 * password-protected PDF, an image whose declared size is a decompression bomb, more pages than a
 * document may have. Nothing here decodes more than a small preview of an image, and a PDF is read
 * for its page tree only, so a hostile file costs little to refuse.
 */
@Component
class FileInspector {

    /** The formats a medical record may come in. */
    enum Format {
        PDF("application/pdf", "PDF"),
        TIFF("image/tiff", "TIFF image"),
        JPEG("image/jpeg", "JPEG image"),
        PNG("image/png", "PNG image");

        private final String mediaType;
        private final String label;

        Format(String mediaType, String label) {
            this.mediaType = mediaType;
            this.label = label;
        }

        String mediaType() {
            return mediaType;
        }

        static Format ofMediaType(String mediaType) {
            for (Format format : values()) {
                if (format.mediaType.equals(mediaType)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Not a stored format: " + mediaType);
        }
    }

    record Inspection(Format format, int pages) {
    }

    /** Why a file is refused, worded to follow its name ("scan.pdf is ..."). */
    static final class Refusal extends Exception {

        Refusal(String problem) {
            super(problem, null, false, false);
        }
    }

    private static final int SNIFF_BYTES = 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
    /** The preview decoded to prove an image's data is readable is at most this wide. */
    private static final int PREVIEW_WIDTH = 256;

    private final DocumentLimits limits;

    FileInspector(DocumentLimits limits) {
        this.limits = limits;
    }

    Inspection inspect(Path file) throws Refusal, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new Refusal("is empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        Format format = format(head);
        if (format == null) {
            throw new Refusal("is not a PDF, TIFF, JPEG or PNG file: its content is " + whatElse(head));
        }
        int pages = switch (format) {
            case PDF -> pdfPages(file);
            case TIFF -> tiffPages(file, size);
            case JPEG, PNG -> {
                checkEnd(file, format);
                checkImage(file, format);
                yield 1;
            }
        };
        if (pages > limits.maxPages()) {
            throw new Refusal("has " + pages + " pages; a document may have at most " + limits.maxPages());
        }
        return new Inspection(format, pages);
    }

    static Format format(byte[] head) {
        if (startsWith(head, PNG_SIGNATURE)) {
            return Format.PNG;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (startsWith(head, "II*\0".getBytes(StandardCharsets.ISO_8859_1))
                || startsWith(head, "MM\0*".getBytes(StandardCharsets.ISO_8859_1))) {
            return Format.TIFF;
        }
        // The PDF header may follow a little junk (some scanners write a few bytes first); PDF readers allow it.
        if (new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            return Format.PDF;
        }
        return null;
    }

    /** What a refused file seems to be, so that the sender knows what was sent instead. */
    private static String whatElse(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String start = text.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("MZ")) {
            return "a Windows program";
        }
        if (text.startsWith("\u007fELF")) {
            return "a program (ELF executable)";
        }
        if (text.startsWith("\u00ca\u00fe\u00ba\u00be") || text.startsWith("\u00cf\u00fa\u00ed\u00fe")) {
            return "a program (Mach-O or Java class)";
        }
        if (text.startsWith("#!")) {
            return "a script";
        }
        if (text.startsWith("PK\u0003\u0004")) {
            return "a ZIP archive (or a Word, Excel or OpenDocument file)";
        }
        if (text.startsWith("\u00d0\u00cf\u0011\u00e0")) {
            return "an old-style Office document";
        }
        if (text.startsWith("\u001f\u008b")) {
            return "gzip-compressed data";
        }
        if (text.startsWith("GIF8")) {
            return "a GIF image";
        }
        if (text.startsWith("BM")) {
            return "a BMP image";
        }
        if (text.startsWith("RIFF") && text.startsWith("WEBP", 8)) {
            return "a WebP image";
        }
        if (text.startsWith("II+\0") || text.startsWith("MM\0+")) {
            return "a BigTIFF image, which the viewer cannot show";
        }
        if (head.length > 132 && text.startsWith("DICM", 128)) {
            return "a DICOM image";
        }
        if (text.startsWith("%!PS")) {
            return "PostScript";
        }
        if (text.startsWith("{\\rtf")) {
            return "an RTF document";
        }
        if (start.startsWith("<") || start.startsWith("\u00ef\u00bb\u00bf<")) {
            return "HTML or XML (a web page or an SVG image)";
        }
        return isText(head) ? "plain text" : "of a kind that is not a medical record format";
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x09 || (c > 0x0d && c < 0x20)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ PDF

    private int pdfPages(Path file) throws Refusal, IOException {
        if (!endsWithEof(file)) {
            throw new Refusal("is a truncated PDF: it does not end with the %%EOF marker a complete PDF ends with");
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            // Counted by walking the page tree, not from its /Count entry, which a damaged file may get wrong.
            int pages = 0;
            for (PDPage page : document.getPages()) {
                if (page.getMediaBox() == null) {
                    throw new Refusal("is a damaged PDF: page " + (pages + 1) + " has no size");
                }
                pages++;
            }
            if (pages == 0) {
                throw new Refusal("is a PDF without pages");
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new Refusal("is a password-protected PDF: ask the sender for a copy that opens without a password");
        } catch (IOException | RuntimeException e) {
            throw new Refusal("is a damaged PDF that cannot be read");
        }
    }

    /** Whether %%EOF is in the file's last 1,024 bytes, where PDF readers look for it. */
    private static boolean endsWithEof(Path file) throws IOException {
        byte[] tail = tail(file, SNIFF_BYTES);
        return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static byte[] tail(Path file, int length) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int n = (int) Math.min(length, in.length());
            byte[] tail = new byte[n];
            in.seek(in.length() - n);
            in.readFully(tail);
            return tail;
        }
    }

    // ------------------------------------------------------------------ TIFF

    private int tiffPages(Path file, long size) throws Refusal, IOException {
        walkDirectories(file, size);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(Format.TIFF, in);
            try {
                int pages;
                try {
                    pages = reader.getNumImages(true);
                } catch (IOException | RuntimeException e) {
                    throw new Refusal("is a damaged TIFF image: its pages cannot be read");
                }
                if (pages <= 0) {
                    throw new Refusal("is a TIFF image without pages");
                }
                if (pages > limits.maxPages()) {
                    throw new Refusal("has " + pages + " pages; a document may have at most " + limits.maxPages());
                }
                for (int page = 0; page < pages; page++) {
                    checkDeclaredSize(reader, page, Format.TIFF);
                    checkImageData(reader, page, size);
                }
                return pages;
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Follows the chain of page directories before any image reader does: a chain that points back on
     * itself (which would keep a reader going round forever), past the end of the file, or longer than
     * the pages a document may have is refused here.
     */
    private void walkDirectories(Path file, long size) throws Refusal, IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            boolean little = in.read() == 'I';
            in.seek(4);
            java.util.Set<Long> seen = new java.util.HashSet<>();
            long offset = unsigned(in.readInt(), little);
            while (offset != 0) {
                if (offset < 8 || offset + 2 > size) {
                    throw new Refusal("is a truncated TIFF image: a page's directory lies past the end of the file");
                }
                if (!seen.add(offset)) {
                    throw new Refusal("is a damaged TIFF image: its pages point back on themselves");
                }
                if (seen.size() > limits.maxPages()) {
                    throw new Refusal("has more than " + limits.maxPages() + " pages; a document may have at most "
                            + limits.maxPages());
                }
                in.seek(offset);
                int entries = little ? Short.reverseBytes(in.readShort()) & 0xffff : in.readShort() & 0xffff;
                long next = offset + 2 + 12L * entries;
                if (next + 4 > size) {
                    throw new Refusal("is a truncated TIFF image: a page's directory runs past the end of the file");
                }
                in.seek(next);
                offset = unsigned(in.readInt(), little);
            }
        } catch (java.io.EOFException e) {
            throw new Refusal("is a truncated TIFF image");
        }
    }

    private static long unsigned(int value, boolean littleEndian) {
        return Integer.toUnsignedLong(littleEndian ? Integer.reverseBytes(value) : value);
    }

    /** Every strip or tile of the page lies within the file: a cut-off fax fails here, not in the viewer. */
    private static void checkImageData(ImageReader reader, int page, long size) throws Refusal {
        TIFFDirectory directory;
        try {
            directory = TIFFDirectory.createFromMetadata(reader.getImageMetadata(page));
        } catch (IOException | RuntimeException e) {
            throw new Refusal("is a damaged TIFF image: page " + (page + 1) + " cannot be read");
        }
        boolean tiled = directory.containsTIFFField(BaselineTIFFTagSet.TAG_TILE_OFFSETS);
        TIFFField offsets = directory.getTIFFField(tiled ? BaselineTIFFTagSet.TAG_TILE_OFFSETS
                : BaselineTIFFTagSet.TAG_STRIP_OFFSETS);
        TIFFField counts = directory.getTIFFField(tiled ? BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS
                : BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS);
        if (offsets == null) {
            throw new Refusal("is a damaged TIFF image: page " + (page + 1) + " has no image data");
        }
        for (int i = 0; i < offsets.getCount(); i++) {
            long end = offsets.getAsLong(i) + (counts == null || i >= counts.getCount() ? 0 : counts.getAsLong(i));
            if (offsets.getAsLong(i) < 0 || end > size) {
                throw new Refusal("is a truncated TIFF image: the data of page " + (page + 1)
                        + " runs past the end of the file");
            }
        }
    }

    // ------------------------------------------------------------------ JPEG and PNG

    private static void checkEnd(Path file, Format format) throws Refusal, IOException {
        byte[] tail = tail(file, 64);
        int end = tail.length;
        // Some cameras and scanners pad a JPEG with zeros after its end marker.
        while (format == Format.JPEG && end > 0 && tail[end - 1] == 0) {
            end--;
        }
        boolean complete = format == Format.PNG
                ? endsWith(tail, end, PNG_END)
                : end >= 2 && (tail[end - 2] & 0xff) == 0xff && (tail[end - 1] & 0xff) == 0xd9;
        if (!complete) {
            throw new Refusal("is a truncated " + format.label + ": it does not end with the marker a complete "
                    + format.label + " ends with");
        }
    }

    /** Reads the declared size, then decodes a small preview, which proves the image data readable. */
    private void checkImage(Path file, Format format) throws Refusal, IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(format, in);
            try {
                int width = checkDeclaredSize(reader, 0, format);
                ImageReadParam preview = reader.getDefaultReadParam();
                int step = Math.max(1, width / PREVIEW_WIDTH);
                preview.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, preview);
                if (image == null) {
                    throw new Refusal("is a damaged " + format.label);
                }
            } catch (IOException | RuntimeException e) {
                throw new Refusal(e.getMessage() != null && e.getMessage().contains("Unsupported Image Type")
                        ? "is a " + format.label + " in a colour model the viewer cannot show (CMYK); send it as a PDF"
                        : "is a damaged " + format.label + " whose picture cannot be read");
            } finally {
                reader.dispose();
            }
        }
    }

    /** The page's declared width and height, checked against the decompression-bomb limit; answers the width. */
    private int checkDeclaredSize(ImageReader reader, int page, Format format) throws Refusal {
        int width;
        int height;
        try {
            width = reader.getWidth(page);
            height = reader.getHeight(page);
        } catch (IOException | RuntimeException e) {
            throw new Refusal("is a damaged " + format.label + ": the size of page " + (page + 1) + " cannot be read");
        }
        if (width <= 0 || height <= 0) {
            throw new Refusal("is a damaged " + format.label + ": page " + (page + 1) + " has no width or height");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPagePixels()) {
            throw new Refusal("declares a page of " + width + " x " + height + " pixels (" + pixels / 1_000_000
                    + " megapixels), more than the " + limits.maxPagePixels() / 1_000_000
                    + " a page may have: refused as a decompression bomb");
        }
        return width;
    }

    static ImageReader reader(Format format, ImageInputStream in) throws Refusal {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(switch (format) {
            case TIFF -> "tiff";
            case JPEG -> "jpeg";
            case PNG -> "png";
            case PDF -> throw new IllegalArgumentException("PDF pages are not images");
        });
        if (in == null || !readers.hasNext()) {
            throw new Refusal("cannot be read as a " + format.label);
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, false);
        return reader;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] bytes, int end, byte[] suffix) {
        if (end < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[end - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}
