package org.teachbox.transfer;

/** A safe zip file name for any display name, for callers outside this package. */
public final class FileNameOf {

    private FileNameOf() {
    }

    public static String zip(String name) {
        return FileNames.zipName(name);
    }
}
