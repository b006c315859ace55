package io.pollwatt.twin.electric;

/**
 * A sinusoidal quantity as a complex RMS value (magnitude and angle). Complex power is {@code S = U · conj(I)}, so a
 * current lagging its voltage by φ gives P = U·I·cos φ and Q = U·I·sin φ &gt; 0 (inductive).
 *
 * @param re real part
 * @param im imaginary part
 */
public record Phasor(double re, double im) {

    /** The phasor of RMS magnitude {@code magnitude} at angle {@code radians}. */
    public static Phasor polar(double magnitude, double radians) {
        return new Phasor(magnitude * Math.cos(radians), magnitude * Math.sin(radians));
    }

    /** RMS magnitude. */
    public double magnitude() {
        return Math.sqrt(re * re + im * im); // not Math.hypot: its overflow care is slow and not needed here
    }

    /** Sum. */
    public Phasor plus(Phasor o) {
        return new Phasor(re + o.re, im + o.im);
    }

    /** Difference. */
    public Phasor minus(Phasor o) {
        return new Phasor(re - o.re, im - o.im);
    }

    /** Scaled by a real factor. */
    public Phasor times(double k) {
        return new Phasor(re * k, im * k);
    }

    /** {@code this · conj(current)}: the complex power of this voltage with that current. */
    public Phasor powerWith(Phasor current) {
        return new Phasor(re * current.re + im * current.im, im * current.re - re * current.im);
    }
}
