package io.curio.localstack.dataset;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeServerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Dataset dataset;

    private static AttributeServer server;

    @BeforeAll
    static void serveSample() {
        dataset = Datasets.sample(7);
        server = AttributeServer.start(dataset, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesEveryBookExactlyOnceAcrossPages() throws Exception {
        List<String> served = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = json(get(server.booksUrl() + "?limit=333&cursor=" + cursor));
            page.get("items").forEach((item) -> served.add(item.get("bookId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        }
        while (cursor != null);

        assertThat(pages).isEqualTo(7);
        assertThat(served).containsExactlyElementsOf(dataset.books().stream().map(Book::bookId).toList());
    }

    @Test
    void servesBooksInTheDocumentedShape() throws Exception {
        JsonNode item = json(get(server.booksUrl() + "?limit=1")).get("items").get(0);
        Book book = dataset.books().get(0);

        assertThat(item.propertyNames()).containsExactly("bookId", "title", "authors", "language", "year", "tags",
                "averageRating", "imageUrl", "premiumOnly");
        assertThat(item.get("premiumOnly").asBoolean()).isEqualTo(book.premiumOnly());
        assertThat(item.get("title").asString()).isEqualTo(book.title());
        assertThat(item.get("year").asInt()).isEqualTo(book.year());
    }

    @Test
    void pagesFiveHundredUsersByDefault() throws Exception {
        JsonNode page = json(get(server.usersUrl().toString()));

        assertThat(page.get("items")).hasSize(500);
        assertThat(page.get("items").get(0).propertyNames()).containsExactly("userId", "plan", "language");
        assertThat(page.get("nextCursor").isString()).isTrue();
    }

    @Test
    void endsWithANullCursor() throws Exception {
        JsonNode page = json(get(server.usersUrl() + "?limit=1000"));
        for (int i = 0; i < 4; i++) {
            page = json(get(server.usersUrl() + "?limit=1000&cursor=" + page.get("nextCursor").asString()));
        }

        assertThat(page.get("items")).hasSize(1000);
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void rejectsAnUnknownCursorAsProblem() throws Exception {
        HttpResponse<String> response = get(server.booksUrl() + "?cursor=not-a-cursor");

        assertProblem(response, 400, "cursor");
    }

    @Test
    void rejectsACursorOfTheOtherEndpoint() throws Exception {
        String usersCursor = json(get(server.usersUrl() + "?limit=2")).get("nextCursor").asString();

        HttpResponse<String> response = get(server.booksUrl() + "?cursor=" + usersCursor);

        assertProblem(response, 400, "cursor");
    }

    @Test
    void rejectsALimitOutsideOneToThousand() throws Exception {
        assertProblem(get(server.booksUrl() + "?limit=0"), 400, "limit");
        assertProblem(get(server.booksUrl() + "?limit=1001"), 400, "limit");
        assertProblem(get(server.usersUrl() + "?limit=ten"), 400, "limit");
    }

    @Test
    void namesTheWholeCollectionOnEveryPage() throws Exception {
        // when
        HttpResponse<String> first = get(server.booksUrl() + "?limit=10");
        String cursor = json(first).get("nextCursor").asString();
        HttpResponse<String> second = get(server.booksUrl() + "?limit=10&cursor=" + cursor);
        HttpResponse<String> users = get(server.usersUrl() + "?limit=10");

        // then
        assertThat(first.headers().firstValue("ETag")).isNotEmpty().isEqualTo(second.headers().firstValue("ETag"))
            .isNotEqualTo(users.headers().firstValue("ETag"));
        assertThat(first.headers().firstValue("Last-Modified")).isEqualTo(second.headers().firstValue("Last-Modified"))
            .hasValueSatisfying((date) -> assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT"));
    }

    @Test
    void answersNotModifiedToTheCollectionETagOnAnyPage() throws Exception {
        // given
        String etag = get(server.booksUrl() + "?limit=10").headers().firstValue("ETag").orElseThrow();

        // when
        HttpResponse<String> again = conditional(server.booksUrl() + "?limit=10", "If-None-Match", etag);
        HttpResponse<String> otherPage = conditional(server.booksUrl() + "?limit=11", "If-None-Match", etag);
        HttpResponse<String> otherTag = conditional(server.booksUrl() + "?limit=10", "If-None-Match", "\"old\"");

        // then
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(otherPage.statusCode()).isEqualTo(304);
        assertThat(otherTag.statusCode()).isEqualTo(200);
    }

    @Test
    void answersNotModifiedSinceTheStartWhenNoETagIsAsked() throws Exception {
        // given
        String lastModified = get(server.usersUrl() + "?limit=1").headers().firstValue("Last-Modified").orElseThrow();

        // when
        HttpResponse<String> same = conditional(server.usersUrl() + "?limit=1", "If-Modified-Since", lastModified);
        HttpResponse<String> earlier = conditional(server.usersUrl() + "?limit=1", "If-Modified-Since",
                "Thu, 01 Jan 2015 00:00:00 GMT");
        HttpResponse<String> garbled = conditional(server.usersUrl() + "?limit=1", "If-Modified-Since", "yesterday");

        // then
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(earlier.statusCode()).isEqualTo(200);
        assertThat(garbled.statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownPathsWithNotFoundProblem() throws Exception {
        assertProblem(get("http://127.0.0.1:" + server.port() + "/books/1"), 404, "/books/1");
    }

    @Test
    void refusesWrites() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.booksUrl())
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertProblem(response, 405, "POST");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.booksUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.usersUrl()).hasPath("/users");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailMentions) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).startsWith("urn:curio:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detailMentions);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private static HttpResponse<String> conditional(String url, String header, String value)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header(header, value).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
