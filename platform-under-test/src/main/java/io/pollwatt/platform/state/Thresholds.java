package io.pollwatt.platform.state;

import java.util.OptionalDouble;

/**
 * A point's thresholds, kW, resolved from what the enterprise entered and, where it entered nothing, from the
 * reference power (ST-03…06).
 *
 * @param pOn start threshold: a point that is off turns on at P ≥ P_on
 * @param pOff stop threshold: a point that is on stays on while P ≥ P_off = (1 − h)·P_on
 * @param pRef the reference (entered, else derived); absent when neither exists
 * @param pHi above this the point is HIGH; absent without P_ref and without an entered limit
 * @param lowBelow a treatment point that is on is LOW below this; absent for production or without P_ref
 * @param derived whether P_on is a default rather than entered (a configuration finding, D3)
 */
public record Thresholds(
        double pOn, double pOff, OptionalDouble pRef, OptionalDouble pHi, OptionalDouble lowBelow, boolean derived) {

    /**
     * ST-03…06: entered limits take precedence; otherwise P_on = max(P_floor, ratio·P_ref), or P_floor without a
     * reference.
     */
    public static Thresholds resolve(
            PointRole role,
            OptionalDouble enteredPOn,
            OptionalDouble enteredPRef,
            OptionalDouble enteredPHi,
            OptionalDouble enteredRLow,
            OptionalDouble derivedPRef,
            StateSettings s) {
        OptionalDouble pRef = enteredPRef.isPresent() ? enteredPRef : derivedPRef;
        double ratio = role == PointRole.TREATMENT ? s.treatOnRatio() : s.prodOnRatio();
        boolean derived = enteredPOn.isEmpty();
        double pOn =
                enteredPOn.orElse(pRef.isPresent() ? Math.max(s.pFloorKw(), ratio * pRef.getAsDouble()) : s.pFloorKw());
        OptionalDouble pHi = enteredPHi.isPresent()
                ? enteredPHi
                : pRef.isPresent() ? OptionalDouble.of(s.highRatio() * pRef.getAsDouble()) : OptionalDouble.empty();
        OptionalDouble low = role == PointRole.TREATMENT && pRef.isPresent()
                ? OptionalDouble.of(enteredRLow.orElse(s.lowLoadRatio()) * pRef.getAsDouble())
                : OptionalDouble.empty();
        return new Thresholds(pOn, (1 - s.hysteresisRatio()) * pOn, pRef, pHi, low, derived);
    }
}
