package io.curio.feature.history;

/**
 * Progress of one history import, as {@code GET /internal/history/imports/{id}} shows it.
 *
 * @param id the import's id
 * @param state {@code running}, {@code succeeded} or {@code failed}
 * @param objectsDone event objects imported so far
 * @param objectsTotal event objects found under the prefix
 * @param events valid events about a book read so far
 * @param inserted interactions that were new
 * @param error why the import failed, or {@code null}
 */
public record ImportStatus(String id, String state, int objectsDone, int objectsTotal, long events, long inserted,
        String error) {
}
