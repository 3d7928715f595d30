package org.teachbox.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How big a project file may be. A zip is only a promise about its contents: a few kilobytes can
 * claim (or secretly unpack to) gigabytes, so the file, what it unpacks to and how many entries it
 * lists are each capped. {@code maxEntries} of 0 means "as many as the project limits can use".
 */
@ConfigurationProperties("teachbox.transfer")
public record TransferLimits(DataSize maxFileSize, DataSize maxUnpackedSize, int maxEntries) {

    public TransferLimits {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0) maxFileSize = DataSize.ofMegabytes(500);
        if (maxUnpackedSize == null || maxUnpackedSize.toBytes() <= 0) maxUnpackedSize = DataSize.ofGigabytes(1);
    }

    /** A size as people say it: "500 MB", "1 GB". */
    static String text(DataSize size) {
        long mb = size.toMegabytes();
        return mb >= 1024 && mb % 1024 == 0 ? (mb / 1024) + " GB" : Math.max(1, mb) + " MB";
    }
}
