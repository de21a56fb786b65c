package org.openimr.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the bytes of stored documents live. What the system knows of a document (its case, title,
 * hash, pages) is in the documents tables; this holds only the bytes, under a key it gives out, and
 * streams them both ways: nothing here holds a file whole in memory. The default keeps them in the
 * application's database ({@link DatabaseContentStore}), so every node of a cluster reads what any
 * node stored, and a backup of the database is a backup of the records. An object store (S3 and its
 * kind) is the second implementation for deployments whose records outgrow the database
 * (docs/operations.md); content is never changed once stored, which such stores suit.
 * <p>
 * {@link #put} is called inside the transaction that records the document: the database store's
 * writes commit or roll back with it. A store outside the database must remove what it wrote when that
 * transaction rolls back ({@link #discard}), and what a crash left behind by a sweep of keys no
 * document names.
 */
interface ContentStore {

    /** Stores the stream's bytes (to its end) under a new key, and answers the key. */
    String put(InputStream content) throws IOException;

    /** Writes {@code length} bytes of the content from {@code offset} to {@code out}. */
    void copy(String key, long offset, long length, OutputStream out) throws IOException;

    /** The whole content as a stream, read from the store as it is consumed. */
    InputStream open(String key, long size);

    /** Removes the content of a document that is removed (its case's history ended). */
    void delete(String key);

    /** Removes what {@link #put} wrote in a transaction that then rolled back; nothing to do for a transactional store. */
    default void discard(String key) {
    }
}
