package org.teachbox.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads what a zip's last record declares (how many entries, how big the central directory is)
 * from a few bytes at its end, before any zip library builds a list of entries. A hostile file
 * can list millions of entries; this lets us say no before that list is ever held in memory.
 * Returns {@code null} when there is no end record at all: then the file is not a zip.
 */
record ZipDirectoryEnd(long entries, long directorySize) {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    static ZipDirectoryEnd read(FileChannel file) throws IOException {
        long size = file.size();
        if (size < END_SIZE) {
            return null;
        }
        int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
        ByteBuffer buffer = read(file, size - tail, tail);
        // the end record sits right before an optional comment; search backwards for it
        for (int at = tail - END_SIZE; at >= 0; at--) {
            if (buffer.getInt(at) != END_SIGNATURE) {
                continue;
            }
            long entries = Short.toUnsignedInt(buffer.getShort(at + 10));
            long directorySize = Integer.toUnsignedLong(buffer.getInt(at + 12));
            long directoryOffset = Integer.toUnsignedLong(buffer.getInt(at + 16));
            if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
                ZipDirectoryEnd zip64 = zip64(file, size - tail + at);
                if (zip64 != null) {
                    return zip64;
                }
            }
            return new ZipDirectoryEnd(entries, directorySize);
        }
        return null;
    }

    private static ZipDirectoryEnd zip64(FileChannel file, long endAt) throws IOException {
        if (endAt < 20) {
            return null;
        }
        ByteBuffer locator = read(file, endAt - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return null;
        }
        long recordAt = locator.getLong(8);
        if (recordAt < 0 || recordAt + 56 > file.size()) {
            return null;
        }
        ByteBuffer record = read(file, recordAt, 56);
        if (record.getInt(0) != ZIP64_END_SIGNATURE) {
            return null;
        }
        // unsigned 64-bit numbers: a negative long is simply "too many"
        long entries = record.getLong(32);
        long directorySize = record.getLong(40);
        return new ZipDirectoryEnd(entries < 0 ? Long.MAX_VALUE : entries,
                directorySize < 0 ? Long.MAX_VALUE : directorySize);
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer;
    }
}
