package io.pollwatt.hj212.codec;

import io.pollwatt.hj212.message.QnRtn;
import java.util.Optional;

/**
 * Why a frame was rejected, or what lenient decoding tolerated. The names are stable: tests, logs, the platform's
 * API and the vectors ({@code shared/vectors/hj212/invalid.jsonl}) use them. Checks run in the order of
 * hj212-2017.md §19, which is the declaration order here by group; the first failure is the reason.
 *
 * <p>Where HJ 212-2017 Table 7 has an answer code for the problem, {@link #qnRtn()} gives it, so that an emulated
 * device answers a bad request exactly as the standard says.
 */
public enum Hj212Error {
    // 1. header, length, size
    /** No {@code ##} at the start. */
    MISSING_HEADER(null),
    /** The frame ends before its declared end (or inside the length field). */
    TRUNCATED(null),
    /** The length field is not four ASCII digits. */
    BAD_LENGTH_FIELD(null),
    /** The data segment is longer than 1024 bytes (strict; lenient allows up to 9999 and warns). */
    OVERSIZED(null),
    // 2. declared length and trailer
    /** The declared length does not match the bytes of the data segment. */
    LENGTH_MISMATCH(null),
    /** Nothing after the CRC where CR LF belongs. */
    MISSING_TRAILER(null),
    /** Something other than CR LF after the CRC (LF alone is tolerated in lenient mode). */
    BAD_TRAILER(null),
    // 3. CRC
    /** The CRC field is not four hex digits. */
    BAD_CRC_FORMAT(QnRtn.WRONG_CRC),
    /** The CRC does not match the data segment. */
    BAD_CRC(QnRtn.WRONG_CRC),
    /** The CRC is written in lower case (strict only). */
    CRC_LOWERCASE(QnRtn.WRONG_CRC),
    // 4. character set
    /** Invalid UTF-8, a control character, or non-ASCII text outside a {@code //log//} value. */
    NON_ASCII(null),
    // 5. structure
    /** No {@code CP=&&}. */
    MISSING_CP(null),
    /** The data segment does not end with the {@code &&} that closes CP. */
    CP_NOT_TERMINATED(null),
    /** A separator, name or item is malformed. */
    BAD_SYNTAX(null),
    /** A name occurs twice (header or CP). */
    DUPLICATE_KEY(null),
    /** A header field HJ 212-2017 does not define (strict only). */
    UNKNOWN_FIELD(null),
    /** Header fields not in the order QN ST CN PW MN Flag [PNUM PNO] (strict only). */
    FIELD_ORDER(null),
    // 6. header fields
    /** No QN (strict only). */
    MISSING_QN(QnRtn.WRONG_QN),
    /** No Flag (strict only). */
    MISSING_FLAG(QnRtn.WRONG_FLAG),
    /** No PW (strict only). */
    MISSING_PW(QnRtn.WRONG_PW),
    /** No ST. */
    MISSING_ST(QnRtn.WRONG_ST),
    /** No CN. */
    MISSING_CN(QnRtn.WRONG_CN),
    /** No MN, or an empty one. */
    MISSING_MN(QnRtn.WRONG_MN),
    /** QN is not 17 digits of a valid time. */
    BAD_QN(QnRtn.WRONG_QN),
    /** ST is not two of {@code 0-9 A-Z} (lenient: two or three letters or digits). */
    BAD_ST(QnRtn.WRONG_ST),
    /** CN is not four digits. */
    BAD_CN(QnRtn.WRONG_CN),
    /** CN is not in HJ 212-2017 Table 9 (lenient: nor in the extension list). */
    UNKNOWN_CN(QnRtn.WRONG_CN),
    /** PW is not 1-6 letters or digits (strict only). */
    BAD_PW(QnRtn.WRONG_PW),
    /** MN is not 24 upper-case hex digits (lenient: 1-24 of {@code 0-9 A-Z a-z _ -}). */
    BAD_MN(QnRtn.WRONG_MN),
    /** Flag is not 0..255, or (strict) its version bits are not HJ 212-2017's. */
    BAD_FLAG(QnRtn.WRONG_FLAG),
    /** PNUM/PNO malformed, alone, out of range, or (strict) not matching Flag bit D. */
    BAD_PACKET_FIELDS(QnRtn.WRONG_FLAG),
    // 7. CP
    /** CP (with {@code CP=&&} and {@code &&}) longer than 950 characters (strict only). */
    CP_TOO_LONG(null),
    /** A time field is not a valid {@code YYYYMMDDhhmmss}. */
    BAD_DATETIME(null),
    /** A numeric field is not a plain decimal. */
    BAD_VALUE(null),
    /** A data flag outside HJ 212-2017 Table 8 (strict only; lenient keeps any single letter). */
    BAD_DATA_FLAG(null),
    /** A field the command needs is missing (9011 QnRtn, 9012 ExeRtn, history request BeginTime/EndTime). */
    MISSING_FIELD(null),
    /** An upload (2011/2021/2031/2041/2051/2061/2081 upward) without data. */
    EMPTY_CP(null),
    /** An upload with data but no {@code DataTime}. */
    MISSING_DATATIME(null);

    private final QnRtn qnRtn;

    Hj212Error(QnRtn qnRtn) {
        this.qnRtn = qnRtn;
    }

    /**
     * The HJ 212-2017 Table 7 answer code a device sends in a 9011 for a request with this problem, when the table
     * has one ({@code QnRtn=100} otherwise is the caller's choice).
     */
    public Optional<QnRtn> qnRtn() {
        return Optional.ofNullable(qnRtn);
    }
}
