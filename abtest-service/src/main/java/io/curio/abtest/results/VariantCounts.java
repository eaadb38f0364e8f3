package io.curio.abtest.results;

/**
 * What was measured for one variant; outcomes count only inside the attribution window of their impression.
 *
 * @param users distinct users with an impression
 * @param impressions served lists
 * @param fallbacks served lists that were fallbacks
 * @param clicks distinct (impression, book) clicks
 * @param clickedImpressions impressions with at least one click
 * @param opens distinct (impression, book) opens
 * @param finishes distinct (impression, book) finishes
 * @param upgrades impressions followed by an upgrade
 */
record VariantCounts(long users, long impressions, long fallbacks, long clicks, long clickedImpressions, long opens,
        long finishes, long upgrades) {

    static final VariantCounts NONE = new VariantCounts(0, 0, 0, 0, 0, 0, 0, 0);

}
