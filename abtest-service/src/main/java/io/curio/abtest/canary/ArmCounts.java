package io.curio.abtest.canary;

/**
 * Impressions of one canary arm and how many of them were clicked within the attribution window.
 *
 * @param impressions impressions served by the arm
 * @param clicked impressions with at least one click
 */
public record ArmCounts(long impressions, long clicked) {

    public static final ArmCounts NONE = new ArmCounts(0, 0);

    /** The click-through rate, or {@code null} without impressions. */
    public Double ctr() {
        return (this.impressions > 0) ? (double) this.clicked / this.impressions : null;
    }

}
