package org.openimr.records;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * One page of a TIFF, JPEG or PNG document as a PNG the browser shows: decoded on the server, a page
 * at a time, reduced to at most {@link #MAX_WIDTH} pixels across as it is decoded (a 600 dpi scan is
 * read at every third pixel), so a page costs its reduced picture in memory, not the full one. The
 * content streams from the store through ImageIO's file cache. Two pages at most are decoded at once.
 */
@Component
class PageRenderer {

    static final int MAX_WIDTH = 2000;

    private final Semaphore decoding = new Semaphore(2);

    void render(InputStream content, FileInspector.Format format, int page, OutputStream out) throws IOException {
        decoding.acquireUninterruptibly();
        try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
            ImageReader reader = FileInspector.reader(format, in);
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (reader.getWidth(page - 1) + MAX_WIDTH - 1) / MAX_WIDTH);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(page - 1, param);
                ImageIO.write(image, "png", out);
            } finally {
                reader.dispose();
            }
        } catch (FileInspector.Refusal e) {
            throw new IOException("No reader for a stored " + format, e);
        } finally {
            decoding.release();
        }
    }
}
