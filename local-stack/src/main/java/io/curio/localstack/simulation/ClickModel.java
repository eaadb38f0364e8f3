package io.curio.localstack.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a simulated reader reacts to a list: a shown book they went on to read (in their held-back future) is clicked
 * with probability {@code click × bias(position)}, {@code bias(i) = 1 / (1 + decay × (i − 1))} for positions from 1;
 * any other shown book is clicked with the small {@code noise} probability; a clicked future book is finished with
 * probability {@code finish}.
 *
 * @param click the click probability of a future book at the top of the list
 * @param decay how fast attention falls with the position
 * @param noise the click probability of a book outside the future
 * @param finish the probability that a clicked future book is finished
 */
record ClickModel(double click, double decay, double noise, double finish) {

    static final ClickModel DEFAULT = new ClickModel(SimulateOptions.DEFAULT_CLICK, 0.15, 0.002, 0.6);

    ClickModel {
        requireProbability("click", click);
        requireProbability("noise", noise);
        requireProbability("finish", finish);
        if (!(decay >= 0)) {
            throw new IllegalArgumentException("decay must be 0 or more, not " + decay);
        }
    }

    /**
     * What the reader does with one book of a list.
     * @param bookId the book
     * @param position its position in the list, from 1
     * @param wanted whether it is in the reader's future
     * @param finished whether the reader also finished it
     */
    record Reaction(String bookId, int position, boolean wanted, boolean finished) {
    }

    /** The reactions to a list, top first; books without a click are left out. */
    List<Reaction> react(List<String> shown, SimulatedReader reader, Random random) {
        List<Reaction> reactions = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            String book = shown.get(i);
            boolean wanted = reader.wouldRead(book);
            double probability = wanted ? this.click * bias(i + 1) : this.noise;
            if (random.nextDouble() < probability) {
                reactions.add(new Reaction(book, i + 1, wanted, wanted && random.nextDouble() < this.finish));
            }
        }
        return reactions;
    }

    /** The same model with another click probability for a liked book at the top. */
    ClickModel withClick(double probability) {
        return new ClickModel(probability, this.decay, this.noise, this.finish);
    }

    double bias(int position) {
        return 1.0 / (1.0 + this.decay * (position - 1));
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in 0..1, not " + value);
        }
    }

}
