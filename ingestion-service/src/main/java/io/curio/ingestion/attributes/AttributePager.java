package io.curio.ingestion.attributes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import io.curio.ingestion.attributes.CappedPageBody.PageTooLargeException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through a cursor-paged attribute endpoint ({@code ?cursor=&limit=}, answering
 * {@code {"items":[…],"nextCursor":…}}) and returns every item verbatim, or that the collection is
 * unchanged when the first page answers {@code 304} to the conditions of the version asked about.
 * <p>
 * A page that fails for a reason that may pass (an I/O error, a timeout, {@code 5xx}, {@code 429}, a
 * malformed body) is retried with exponential backoff; a page that still fails, a page larger than
 * the limit, or more items than allowed fail the whole fetch, so that no partial snapshot is ever
 * written. When the collection version changes between pages, paging starts over once.
 */
@Component
public class AttributePager {

    private final RestClient http;

    private final AttributeSettings settings;

    private final Pause pause;

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Autowired
    public AttributePager(RestClient.Builder builder, AttributeSettings settings) {
        this(builder, settings, Pause.SLEEP);
    }

    AttributePager(RestClient.Builder builder, AttributeSettings settings, Pause pause) {
        HttpClient client = HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.requestFactory(requests).build();
        this.settings = settings;
        this.pause = pause;
    }

    /**
     * Every item of the collection at {@code url}, or {@link FetchResult#unchanged} when it is still at
     * the {@code known} version.
     * @throws AttributeFetchFailedException when the collection could not be read whole
     */
    public FetchResult fetch(URI url, CollectionVersion known) {
        try {
            return fetchOnce(url, known);
        }
        catch (CollectionChangedException ex) {
            try {
                return fetchOnce(url, known);
            }
            catch (CollectionChangedException again) {
                throw new AttributeFetchFailedException(url, "the collection changed while being paged, twice in a row",
                        null);
            }
        }
    }

    private FetchResult fetchOnce(URI url, CollectionVersion known) {
        Page first = pageWithRetries(url, null, known);
        if (first.notModified()) {
            return FetchResult.unchanged(first.version().isKnown() ? first.version() : known);
        }
        List<JsonNode> items = new ArrayList<>();
        Page page = first;
        String cursor = null;
        while (true) {
            collect(url, page, items);
            String next = advance(url, cursor, page.nextCursor());
            if (next == null) {
                return FetchResult.fetched(items, first.version());
            }
            cursor = next;
            page = pageWithRetries(url, cursor, CollectionVersion.UNKNOWN);
            if (page.notModified() || first.version().changedBy(page.version())) {
                throw new CollectionChangedException();
            }
        }
    }

    private void collect(URI url, Page page, List<JsonNode> items) {
        if (items.size() + page.items().size() > this.settings.maxItems()) {
            String problem = "lists more than " + this.settings.maxItems() + " items";
            throw new AttributeFetchFailedException(url, problem, null);
        }
        page.items().forEach(items::add);
    }

    private Page pageWithRetries(URI url, String cursor, CollectionVersion conditions) {
        URI pageUrl = pageUrl(url, cursor);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= this.settings.attempts(); attempt++) {
            if (attempt > 1) {
                pause(url, this.settings.backoff().before(attempt - 1));
            }
            try {
                return this.http.get()
                    .uri(pageUrl)
                    .headers(conditions::addConditions)
                    .exchange((request, response) -> read(url, response));
            }
            catch (RestClientException | TransientPageException ex) {
                last = ex;
            }
        }
        String problem = "no page after " + this.settings.attempts() + " attempts: " + describe(last);
        throw new AttributeFetchFailedException(url, problem, last);
    }

    /**
     * The failure as an operator reads it: an I/O error's own message often ends in "null", so the chain
     * of causes is named (connection refused shows as a {@code ConnectException}).
     */
    static String describe(Exception failure) {
        if (failure.getCause() == null) {
            return failure.getMessage();
        }
        StringJoiner chain = new StringJoiner(" <- ");
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            boolean useful = message != null && !message.endsWith("null") && cause != failure;
            chain.add(cause.getClass().getSimpleName() + (useful ? " (" + message + ")" : ""));
        }
        return chain.toString();
    }

    private Page read(URI url, ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        CollectionVersion version = CollectionVersion.of(response.getHeaders());
        if (status.value() == 304) {
            return Page.notModified(version);
        }
        if (status.is5xxServerError() || status.value() == 429 || status.value() == 408) {
            throw new TransientPageException("answered " + status.value());
        }
        if (!status.is2xxSuccessful()) {
            throw new AttributeFetchFailedException(url, "answered " + status.value(), null);
        }
        return new Page(false, body(url, response), version);
    }

    private JsonNode body(URI url, ClientHttpResponse response) throws IOException {
        long limit = this.settings.maxPageSize().toBytes();
        if (response.getHeaders().getContentLength() > limit) {
            throw tooLarge(url, limit);
        }
        try (InputStream body = new CappedPageBody(response.getBody(), limit)) {
            return checked(this.mapper.readTree(body));
        }
        catch (PageTooLargeException ex) {
            throw tooLarge(url, limit);
        }
        catch (JacksonException ex) {
            if (ex.getCause() instanceof PageTooLargeException) {
                throw tooLarge(url, limit);
            }
            throw new TransientPageException("a page is not JSON: " + ex.getOriginalMessage());
        }
    }

    private static AttributeFetchFailedException tooLarge(URI url, long limit) {
        return new AttributeFetchFailedException(url, "a page is larger than the limit of " + limit + " bytes", null);
    }

    private URI pageUrl(URI url, String cursor) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(url).queryParam("limit", this.settings.pageSize());
        if (cursor != null) {
            builder.queryParam("cursor", "{cursor}");
            return builder.build(cursor);
        }
        return builder.build().toUri();
    }

    private static JsonNode checked(JsonNode page) {
        if (page == null || !page.isObject() || page.get("items") == null || !page.get("items").isArray()) {
            throw new TransientPageException("a page is not {\"items\":[…],\"nextCursor\":…}");
        }
        return page;
    }

    private static String advance(URI url, String cursor, String next) {
        if (next != null && next.equals(cursor)) {
            throw new AttributeFetchFailedException(url, "the endpoint repeats cursor " + cursor, null);
        }
        return next;
    }

    private void pause(URI url, Duration duration) {
        try {
            this.pause.pause(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AttributeFetchFailedException(url, "interrupted", ex);
        }
    }

    /**
     * One page as the endpoint answered it.
     *
     * @param notModified whether it answered {@code 304}
     * @param body the page, or {@code null} when not modified
     * @param version the collection version the page names
     */
    private record Page(boolean notModified, JsonNode body, CollectionVersion version) {

        static Page notModified(CollectionVersion version) {
            return new Page(true, null, version);
        }

        JsonNode items() {
            return this.body.get("items");
        }

        String nextCursor() {
            JsonNode next = this.body.get("nextCursor");
            return (next == null || next.isNull() || next.asString().isEmpty()) ? null : next.asString();
        }

    }

    /** A page failure that may pass when the page is asked for again. */
    private static final class TransientPageException extends RuntimeException {

        TransientPageException(String message) {
            super(message, null, false, false);
        }

    }

    /** The collection version changed between two pages of one fetch. */
    private static final class CollectionChangedException extends RuntimeException {

        CollectionChangedException() {
            super("the collection changed between two pages", null, false, false);
        }

    }

}
