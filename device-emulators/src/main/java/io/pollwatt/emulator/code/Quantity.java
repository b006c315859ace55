package io.pollwatt.emulator.code;

/**
 * The electrical quantities a DTU reports per meter (domain-rules §1.3), each with the decimals it is written with
 * on the wire. HJ 212-2017 has no codes for them (hj212-2017.md §15); a {@link FactorCodeTable} names them.
 */
public enum Quantity {
    /** Phase-a current, A. */
    IA(1, 2),
    /** Phase-b current, A. */
    IB(2, 2),
    /** Phase-c current, A. */
    IC(3, 2),
    /** Phase-a voltage, V (3P4W). */
    UA(4, 1),
    /** Phase-b voltage, V (3P4W). */
    UB(5, 1),
    /** Phase-c voltage, V (3P4W). */
    UC(6, 1),
    /** Line voltage a-b, V. */
    UAB(7, 1),
    /** Line voltage b-c, V. */
    UBC(8, 1),
    /** Line voltage c-a, V. */
    UCA(9, 1),
    /** Phase-a active power, kW (3P4W). */
    PA(10, 3),
    /** Phase-b active power, kW (3P4W). */
    PB(11, 3),
    /** Phase-c active power, kW (3P4W). */
    PC(12, 3),
    /** Total active power, kW. */
    P(13, 3),
    /** Total reactive power, kvar. */
    Q(14, 3),
    /** Total apparent power, kVA. */
    S(15, 3),
    /** Power factor. */
    PF(16, 3),
    /** Frequency, Hz. */
    F(17, 2),
    /** Import active energy register, kWh. */
    EP_IMPORT(18, 2),
    /** Export active energy register, kWh. */
    EP_EXPORT(19, 2);

    private final int number;
    private final int decimals;

    Quantity(int number, int decimals) {
        this.number = number;
        this.decimals = decimals;
    }

    /** The quantity's number in pollwatt's default table (the FF of {@code g7FFDD}). */
    public int number() {
        return number;
    }

    /** Decimals written on the wire. */
    public int decimals() {
        return decimals;
    }
}
