package io.pollwatt.twin.site;

/** The one rule for ids in a site: 1–32 of {@code A-Z a-z 0-9 _ -}, so they travel in file names, CSV and URLs. */
final class Ids {

    private Ids() {}

    static String check(String id, String what) {
        if (id == null || id.isEmpty() || id.length() > 32) {
            throw new IllegalArgumentException(what + " must be 1-32 characters, got '" + id + "'");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                throw new IllegalArgumentException(what + " may hold A-Z a-z 0-9 _ - only, got '" + id + "'");
            }
        }
        return id;
    }
}
