package io.curio.ingestion.attributes;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AttributePagerTests {

    private static final String[] BOOKS = { book(1), book(2), book(3), book(4), book(5) };

    private final FakeAttributeEndpoint endpoint = FakeAttributeEndpoint.start();

    private final List<Duration> pauses = new ArrayList<>();

    @AfterEach
    void stop() {
        this.endpoint.close();
    }

    @Test
    void pagesThroughEveryItemAndKeepsTheCollectionVersion() {
        // given
        this.endpoint.serving(BOOKS).withETags("\"v1\"").withLastModified("Fri, 04 Dec 2026 10:00:00 GMT");

        // when
        FetchResult result = pager("page-size=2").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN);

        // then
        assertThat(result.unchanged()).isFalse();
        assertThat(result.items()).extracting((item) -> item.get("bookId").asString())
            .containsExactly("1", "2", "3", "4", "5");
        assertThat(result.version()).isEqualTo(new CollectionVersion("\"v1\"", "Fri, 04 Dec 2026 10:00:00 GMT"));
        assertThat(this.endpoint.requests()).hasSize(3);
    }

    @Test
    void asksWhetherTheCollectionChangedOnTheFirstPageOnly() {
        // given
        this.endpoint.serving(BOOKS).withETags("\"v2\"");
        CollectionVersion known = new CollectionVersion("\"v1\"", "Fri, 04 Dec 2026 10:00:00 GMT");

        // when
        pager("page-size=2").fetch(this.endpoint.url(), known);

        // then
        List<Headers> requests = this.endpoint.requests();
        assertThat(requests.get(0).getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(requests.get(0).getFirst("If-Modified-Since")).isEqualTo("Fri, 04 Dec 2026 10:00:00 GMT");
        assertThat(requests.subList(1, 3)).allSatisfy((headers) -> assertThat(headers).doesNotContainKeys(
                "If-None-Match", "If-Modified-Since"));
    }

    @Test
    void reportsUnchangedWhenTheEndpointAnswersNotModified() {
        // given
        this.endpoint.serving(BOOKS).withETags("\"v1\"");

        // when
        FetchResult result = pager("page-size=2").fetch(this.endpoint.url(), new CollectionVersion("\"v1\"", null));

        // then
        assertThat(result.unchanged()).isTrue();
        assertThat(result.items()).isEmpty();
        assertThat(result.version().etag()).isEqualTo("\"v1\"");
        assertThat(this.endpoint.requests()).hasSize(1);
    }

    @Test
    void reportsUnchangedByLastModifiedAloneWhenTheEndpointSendsNoETag() {
        // given
        this.endpoint.serving(BOOKS).withLastModified("Fri, 04 Dec 2026 10:00:00 GMT");

        // when
        FetchResult result = pager().fetch(this.endpoint.url(),
                new CollectionVersion(null, "Fri, 04 Dec 2026 10:00:00 GMT"));

        // then
        assertThat(result.unchanged()).isTrue();
    }

    @Test
    void readsEndpointsThatSendNoVersionAtAll() {
        // given
        this.endpoint.serving(BOOKS);

        // when
        FetchResult result = pager("page-size=2").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN);

        // then
        assertThat(result.items()).hasSize(5);
        assertThat(result.version().isKnown()).isFalse();
        assertThat(this.endpoint.requests()).allSatisfy((headers) -> assertThat(headers).doesNotContainKeys(
                "If-None-Match", "If-Modified-Since"));
    }

    @Test
    void startsOverOnceWhenTheCollectionChangesBetweenPages() {
        // given
        this.endpoint.serving(BOOKS).withETags("\"v1\"", "\"v2\"", "\"v2\"");

        // when
        FetchResult result = pager("page-size=2").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN);

        // then
        assertThat(result.items()).hasSize(5);
        assertThat(result.version().etag()).isEqualTo("\"v2\"");
        assertThat(this.endpoint.requests()).hasSize(2 + 3);
    }

    @Test
    void takesPagesThatNameNoVersionAsTheFirstPagesVersion() {
        // given
        this.endpoint.serving(BOOKS).withETags("\"v1\"", null);

        // when
        FetchResult result = pager("page-size=2").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN);

        // then
        assertThat(result.items()).hasSize(5);
        assertThat(result.version().etag()).isEqualTo("\"v1\"");
        assertThat(this.endpoint.requests()).hasSize(3);
    }

    @Test
    void failsWhenTheCollectionChangesBetweenPagesAgain() {
        // given
        this.endpoint.serving(BOOKS).withETags("\"v1\"", "\"v2\"", "\"v3\"", "\"v4\"");

        // when / then
        assertThatExceptionOfType(AttributeFetchFailedException.class)
            .isThrownBy(() -> pager("page-size=2").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN))
            .withMessageContaining("changed while being paged, twice");
        assertThat(this.endpoint.requests()).hasSize(4);
    }

    @ParameterizedTest(name = "length announced: {0}")
    @ValueSource(booleans = { true, false })
    void failsOnAPageLargerThanTheLimitWithoutReadingItAllOrRetrying(boolean announced) {
        // given
        this.endpoint.serving(BOOKS).padded(64L * 1024 * 1024, announced);

        // when / then
        assertThatExceptionOfType(AttributeFetchFailedException.class)
            .isThrownBy(() -> pager("max-page-size=32KB").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN))
            .withMessageContaining("larger than the limit of 32768 bytes");
        assertThat(this.endpoint.requests()).hasSize(1);
    }

    @Test
    void failsWhenThePollListsMoreItemsThanAllowed() {
        // given
        this.endpoint.serving(BOOKS);

        // when / then
        assertThatExceptionOfType(AttributeFetchFailedException.class)
            .isThrownBy(() -> pager("page-size=2", "max-items=4").fetch(this.endpoint.url(),
                    CollectionVersion.UNKNOWN))
            .withMessageContaining("more than 4 items");
        assertThat(this.endpoint.requests()).hasSize(3);
    }

    @Test
    void retriesAFailingPageWithGrowingPauses() {
        // given
        this.endpoint.serving(BOOKS).failingWith(503, 503, 429);

        // when
        FetchResult result = pager("attempts=4", "retry-backoff=100ms", "retry-backoff-max=1s")
            .fetch(this.endpoint.url(), CollectionVersion.UNKNOWN);

        // then
        assertThat(result.items()).hasSize(5);
        assertThat(this.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void failsAfterTheLastAttemptNamingTheAnswer() {
        // given
        this.endpoint.serving(BOOKS).failingWith(500, 500);

        // when / then
        assertThatExceptionOfType(AttributeFetchFailedException.class)
            .isThrownBy(() -> pager("attempts=2").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN))
            .withMessageContaining("no page after 2 attempts: answered 500");
    }

    @Test
    void namesTheCauseWhenNothingListensOnTheEndpoint() throws Exception {
        // given
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/books");
        }

        // when / then
        assertThatExceptionOfType(AttributeFetchFailedException.class)
            .isThrownBy(() -> pager("attempts=1").fetch(closed, CollectionVersion.UNKNOWN))
            .withMessageContaining("ConnectException")
            .withMessageNotContaining(": null");
    }

    @Test
    void doesNotRetryAnEndpointThatRefusesTheRequest() {
        // given
        this.endpoint.serving(BOOKS).failingWith(404);

        // when / then
        assertThatExceptionOfType(AttributeFetchFailedException.class)
            .isThrownBy(() -> pager("attempts=3").fetch(this.endpoint.url(), CollectionVersion.UNKNOWN))
            .withMessageContaining("answered 404");
        assertThat(this.endpoint.requests()).hasSize(1);
        assertThat(this.pauses).isEmpty();
    }

    private AttributePager pager(String... settings) {
        return new AttributePager(RestClient.builder(), Settings.of(settings), this.pauses::add);
    }

    private static String book(int id) {
        return "{\"bookId\":\"" + id + "\",\"title\":\"Book " + id + "\"}";
    }

}
