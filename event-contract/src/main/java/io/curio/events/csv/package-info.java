/**
 * Reading comma-separated files as RFC 4180 describes them, plain or gzip-compressed, with columns looked up
 * by header name: the dataset import of the local stack and the offline evaluation both read goodbooks-10k
 * through {@link io.curio.events.csv.CsvTable}.
 */
package io.curio.events.csv;
