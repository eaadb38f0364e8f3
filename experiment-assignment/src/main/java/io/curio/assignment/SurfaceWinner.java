package io.curio.assignment;

/**
 * The variant an experiment was stopped with as the winner: every user its targeting includes gets the
 * winner's model on its surface, outside any experiment, until another experiment starts there.
 *
 * @param surface the surface
 * @param experiment the stopped experiment's key
 * @param variant the winning variant
 * @param model the winning variant's model
 * @param targeting the users the experiment targeted
 */
public record SurfaceWinner(String surface, String experiment, String variant, String model, Targeting targeting) {

    public SurfaceWinner {
        targeting = (targeting != null) ? targeting : Targeting.EVERYONE;
    }

}
