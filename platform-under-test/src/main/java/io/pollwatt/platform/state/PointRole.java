package io.pollwatt.platform.state;

/** What a point's state means (domain-rules §1.1, D6): which states it can take. */
public enum PointRole {
    /** Production (PROD, PROD_TREAT) and the others (MAIN, INDIRECT): OFF, RUN or HIGH; no LOW. */
    PRODUCTION,
    /** Treatment (TREAT): also LOW below {@code state.lowLoadRatio} × P_ref. */
    TREATMENT;

    /** The role of an archived point kind. */
    public static PointRole of(String kind) {
        return kind.equals("TREAT") ? TREATMENT : PRODUCTION;
    }
}
