package io.curio.ingestion.attributes;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Pages through a cursor-paged attribute endpoint ({@code ?cursor=&limit=}, answering
 * {@code {"items":[…],"nextCursor":…}}) and returns every item verbatim. A page is retried a few
 * times; a page that still fails fails the whole fetch, so that no partial snapshot is ever written.
 */
@Component
public class AttributePager {

    private final RestClient http;

    private final AttributeSettings settings;

    public AttributePager(RestClient.Builder builder, AttributeSettings settings) {
        HttpClient client = HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.requestFactory(requests).build();
        this.settings = settings;
    }

    public List<JsonNode> fetchAll(URI url) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = pageWithRetries(url, cursor);
            page.get("items").forEach(items::add);
            cursor = advance(url, cursor, nextCursor(page));
        }
        while (cursor != null);
        return items;
    }

    private JsonNode pageWithRetries(URI url, String cursor) {
        URI pageUrl = pageUrl(url, cursor);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= this.settings.attempts(); attempt++) {
            if (attempt > 1) {
                pause(url);
            }
            try {
                return checked(url, this.http.get().uri(pageUrl).retrieve().body(JsonNode.class));
            }
            catch (RestClientException | AttributeFetchFailedException ex) {
                last = ex;
            }
        }
        throw new AttributeFetchFailedException(url, "no page after " + this.settings.attempts() + " attempts", last);
    }

    private URI pageUrl(URI url, String cursor) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(url).queryParam("limit", this.settings.pageSize());
        if (cursor != null) {
            builder.queryParam("cursor", "{cursor}");
            return builder.build(cursor);
        }
        return builder.build().toUri();
    }

    private static JsonNode checked(URI url, JsonNode page) {
        if (page == null || !page.isObject() || page.get("items") == null || !page.get("items").isArray()) {
            throw new AttributeFetchFailedException(url, "a page is not {\"items\":[…],\"nextCursor\":…}", null);
        }
        return page;
    }

    private static String advance(URI url, String cursor, String next) {
        if (next != null && next.equals(cursor)) {
            throw new AttributeFetchFailedException(url, "the endpoint repeats cursor " + cursor, null);
        }
        return next;
    }

    private static String nextCursor(JsonNode page) {
        JsonNode next = page.get("nextCursor");
        return (next == null || next.isNull() || next.asString().isEmpty()) ? null : next.asString();
    }

    private void pause(URI url) {
        try {
            Thread.sleep(this.settings.retryBackoff().toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AttributeFetchFailedException(url, "interrupted", ex);
        }
    }

}
