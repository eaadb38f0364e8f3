/**
 * Datasets for the local stack: where a catalogue, its readers and their history come from, how they
 * are served, and how the history reaches the data hub.
 *
 * <ul>
 * <li>{@link io.curio.localstack.dataset.Datasets#load} reads a folder in the goodbooks-10k format:
 * exactly one {@code ratings*.csv[.gz]} and one {@code to_read*.csv[.gz]} (columns by header name),
 * {@code books.csv[.gz]}, and optionally {@code tags.csv[.gz]} with {@code book_tags.csv[.gz]} (each
 * book keeps its twenty most used shelves). Readers are everyone in the history; about one in five is
 * {@code premium}, decided by a hash of the id; their language is the one they rate most books in
 * ({@code eng} when unknown). Duplicate ratings are kept. Errors are
 * {@link io.curio.localstack.dataset.InvalidDatasetException}s naming the file and line.</li>
 * <li>{@link io.curio.localstack.dataset.Datasets#sample} generates about 5,000 readers and 2,000 books in
 * 8 to 12 genres, with long-tailed popularity; the same seed gives the same dataset.</li>
 * <li>{@link io.curio.localstack.dataset.AttributeServer} serves {@code GET /books} and {@code GET /users}
 * on 127.0.0.1 as docs/internal-apis.md describes: {@code cursor} (opaque) and {@code limit} (1..1000,
 * default 500), {@code {"items":[…],"nextCursor":…}}, an {@code ETag} per page with {@code 304} for a
 * matching {@code If-None-Match}, and {@code application/problem+json} for a bad cursor or limit (400),
 * an unknown path (404) or another method (405).</li>
 * <li>{@link io.curio.localstack.dataset.HubImport} writes the history as {@code rate} and
 * {@code add_to_library} events, gzip JSON lines of 100,000 events an object, at
 * {@code raw/events/dt=…/hr=…/import-<source>-<part>.jsonl.gz}. Event ids and times depend only on the
 * dataset and the import time, so importing again overwrites the same objects with the same events.</li>
 * </ul>
 *
 * <p>Nothing here is configured by properties and nothing exports metrics: the module is not deployed.
 * On these machines the full goodbooks-10k folder (1,894,461 interactions) loads with about 3 s of CPU and
 * imports into the in-process S3 server with about 14 s of CPU, two writer threads.
 */
package io.curio.localstack.dataset;
