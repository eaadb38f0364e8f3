package io.curio.abtest.results;

/**
 * What was measured for one variant.
 *
 * @param users distinct users with an impression
 * @param impressions served lists
 * @param clicks distinct (impression, book) clicks
 * @param clickedImpressions impressions with at least one click
 */
record VariantCounts(long users, long impressions, long clicks, long clickedImpressions) {

    static final VariantCounts NONE = new VariantCounts(0, 0, 0, 0);

}
