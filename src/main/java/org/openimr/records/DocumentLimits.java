package org.openimr.records;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one delivery of medical records may hold ({@code imr.documents.*}): the size of a file and of
 * the whole delivery, the number of files, and for each document its pages and, for the image
 * formats, the pixels a page declares (a small file that declares a huge image is a decompression
 * bomb: decoding it would fill the memory).
 */
@ConfigurationProperties(prefix = "imr.documents")
record DocumentLimits(DataSize maxFileSize, DataSize maxDeliverySize, Integer maxFiles, Integer maxPages,
        Long maxPagePixels) {

    DocumentLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(100) : maxFileSize;
        maxDeliverySize = maxDeliverySize == null ? DataSize.ofMegabytes(500) : maxDeliverySize;
        maxFiles = maxFiles == null ? 50 : maxFiles;
        maxPages = maxPages == null ? 5000 : maxPages;
        maxPagePixels = maxPagePixels == null ? 100_000_000L : maxPagePixels;
    }
}
