package org.openimr.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Document content in the application's database (H2 embedded, PostgreSQL in production), in chunks
 * of {@link #CHUNK_SIZE}: written one chunk at a time as the file is read, read one chunk at a time
 * as the answer is sent, so a 100 MB file costs a megabyte or two of memory either way, and a byte
 * range (what the PDF viewer asks for) reads only the chunks it covers.
 */
@Component
class DatabaseContentStore implements ContentStore {

    static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcTemplate jdbc;

    DatabaseContentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String put(InputStream content) throws IOException {
        String key = UUID.randomUUID().toString();
        byte[] buffer = new byte[CHUNK_SIZE];
        for (int chunk = 0; ; chunk++) {
            int read = content.readNBytes(buffer, 0, CHUNK_SIZE);
            if (read == 0 && chunk > 0) {
                break;
            }
            jdbc.update("insert into imr_content_chunk (storage_key, chunk_no, data) values (?, ?, ?)", key, chunk,
                    read == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, read));
            if (read < CHUNK_SIZE) {
                break;
            }
        }
        return key;
    }

    @Override
    public void copy(String key, long offset, long length, OutputStream out) throws IOException {
        if (length <= 0) {
            return;
        }
        long end = offset + length;
        int first = (int) (offset / CHUNK_SIZE);
        int last = (int) ((end - 1) / CHUNK_SIZE);
        for (int chunk = first; chunk <= last; chunk++) {
            byte[] data = chunk(key, chunk);
            int from = chunk == first ? (int) (offset % CHUNK_SIZE) : 0;
            int to = chunk == last ? (int) ((end - 1) % CHUNK_SIZE) + 1 : data.length;
            out.write(data, from, Math.min(to, data.length) - from);
        }
    }

    @Override
    public InputStream open(String key, long size) {
        int chunks = (int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
        return new InputStream() {

            private int next;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (next == chunks) {
                        return -1;
                    }
                    current = chunk(key, next++);
                    position = 0;
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }
        };
    }

    @Override
    public void delete(String key) {
        jdbc.update("delete from imr_content_chunk where storage_key = ?", key);
    }

    private byte[] chunk(String key, int chunk) {
        return jdbc.queryForObject("select data from imr_content_chunk where storage_key = ? and chunk_no = ?",
                byte[].class, key, chunk);
    }
}
