package io.pollwatt.twin.electric;

/**
 * What a meter of a given wiring measures of a true load, under an installation condition (EM-01 to EM-05).
 *
 * <ul>
 *   <li>3P4W: three elements, P_x = Re(U_x · conj(±I_x)); a reversed CT negates its phase's power.
 *   <li>3P3W (Aron): S = Uab · conj(±Ia) + Ucb · conj(±Ic), exact for any three-wire load because Ia + Ib + Ic = 0;
 *       element 2 reversed gives −sin φ ÷ (√3·cos φ) of the true P, element 1 reversed +sin φ ÷ (√3·cos φ).
 * </ul>
 */
public final class MeterView {

    private MeterView() {}

    /** The meter's instantaneous values. */
    public static InstantValues measure(ThreePhaseLoad load, Wiring wiring, MeterCondition c) {
        double ks = c.currentScale();
        double vs = c.voltageScale();
        Phasor ua = load.ua().times(vs);
        Phasor ub = load.ub().times(vs);
        Phasor uc = load.uc().times(vs);
        Phasor ia = load.ia().times(ks * (c.reversedA() ? -1 : 1));
        Phasor ib = load.ib().times(ks * (c.reversedB() ? -1 : 1));
        Phasor ic = load.ic().times(ks * (c.reversedC() ? -1 : 1));
        Phasor uab = ua.minus(ub);
        Phasor ubc = ub.minus(uc);
        Phasor uca = uc.minus(ua);
        double p;
        double q;
        double pa = Double.NaN;
        double pb = Double.NaN;
        double pc = Double.NaN;
        double uaV = Double.NaN;
        double ubV = Double.NaN;
        double ucV = Double.NaN;
        double ibA;
        if (wiring == Wiring.THREE_PHASE_FOUR_WIRE) {
            Phasor sa = ua.powerWith(ia);
            Phasor sb = ub.powerWith(ib);
            Phasor sc = uc.powerWith(ic);
            pa = sa.re() / 1000;
            pb = sb.re() / 1000;
            pc = sc.re() / 1000;
            p = pa + pb + pc;
            q = (sa.im() + sb.im() + sc.im()) / 1000;
            uaV = ua.magnitude();
            ubV = ub.magnitude();
            ucV = uc.magnitude();
            ibA = ib.magnitude();
        } else {
            Phasor s1 = uab.powerWith(ia);
            Phasor s2 = uc.minus(ub).powerWith(ic);
            p = (s1.re() + s2.re()) / 1000;
            q = (s1.im() + s2.im()) / 1000;
            ibA = ia.plus(ic).magnitude();
        }
        double s = Math.sqrt(p * p + q * q);
        double pf = s == 0 ? 1 : p / s;
        return new InstantValues(
                uaV,
                ubV,
                ucV,
                uab.magnitude(),
                ubc.magnitude(),
                uca.magnitude(),
                ia.magnitude(),
                ibA,
                ic.magnitude(),
                pa,
                pb,
                pc,
                p,
                q,
                s,
                pf,
                load.frequencyHz());
    }
}
