package io.pollwatt.platform.http;

/**
 * The registration rules of HJ 212 identifiers (hj212-2017.md §5 and §19). MN: the ingest runs lenient by default
 * and accepts 1–24 of {@code 0-9 A-Z a-z _ -} (2005-style 14-digit MNs, vendor MNs), so the API registers exactly
 * what the ingest can accept; strict devices send 24 upper-case hex digits, which that includes. PW: Table 3 gives
 * the field 9 characters including {@code PW=}, so 1–6 of {@code 0-9 A-Z a-z} (C6).
 */
final class Validation {

    static final int MAX_ENTERPRISE_ID = 64;

    private Validation() {}

    static void checkMn(String mn, String field) {
        if (!mn.matches("[0-9A-Za-z_-]{1,24}")) {
            throw new ApiException(
                    ApiError.BAD_MN,
                    field,
                    "expected an MN of 1-24 characters 0-9 A-Z a-z _ - (HJ 212-2017: 24 upper-case hex digits), got '"
                            + mn + "'");
        }
    }

    static void checkPw(String pw, String field) {
        if (!pw.matches("[0-9A-Za-z]{1,6}")) {
            throw new ApiException(
                    ApiError.BAD_PW,
                    field,
                    "expected a password of 1-6 characters 0-9 A-Z a-z (HJ 212-2017 Table 3), got "
                            + pw.length()
                            + " character(s)");
        }
    }

    static void checkEnterpriseId(String id, String field) {
        if (id.isBlank() || id.length() > MAX_ENTERPRISE_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(
                    ApiError.BAD_ENTERPRISE_ID,
                    field,
                    "expected an enterprise id of 1-" + MAX_ENTERPRISE_ID + " printable characters");
        }
    }
}
