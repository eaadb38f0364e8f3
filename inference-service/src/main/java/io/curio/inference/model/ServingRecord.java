package io.curio.inference.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code models/<algorithm>/serving.json} says: the version to serve and every decision taken about the
 * algorithm's versions. It is one object, rewritten whole, so a decision and the choice it implies are stored
 * by one atomic write.
 *
 * @param algorithm the algorithm's model name
 * @param version the version to serve, or {@code null} when none was chosen yet
 * @param decisions the latest decision about each version, by version
 */
public record ServingRecord(String algorithm, String version, Map<String, Promotion> decisions) {

    public ServingRecord {
        decisions = (decisions != null) ? Collections.unmodifiableMap(new TreeMap<>(decisions)) : Map.of();
    }

    /** The record of an algorithm about which nothing was decided yet. */
    public static ServingRecord none(Algorithm algorithm) {
        return new ServingRecord(algorithm.modelName(), null, Map.of());
    }

    public Optional<Promotion> decision(String modelVersion) {
        return Optional.ofNullable(this.decisions.get(modelVersion));
    }

    /** This record with a decision about a version, and the version to serve after it. */
    ServingRecord decided(String modelVersion, Promotion promotion, String served) {
        Map<String, Promotion> next = new TreeMap<>(this.decisions);
        next.put(modelVersion, promotion);
        return new ServingRecord(this.algorithm, served, next);
    }

}
