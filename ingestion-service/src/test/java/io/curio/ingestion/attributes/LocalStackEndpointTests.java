package io.curio.ingestion.attributes;

import io.curio.localstack.dataset.AttributeServer;
import io.curio.localstack.dataset.Dataset;
import io.curio.localstack.dataset.Datasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pager against the attribute endpoints local-stack serves: every record passes the schema
 * check, and a second poll is answered unchanged.
 */
class LocalStackEndpointTests {

    private static Dataset dataset;

    private static AttributeServer server;

    private final AttributePager pager = new AttributePager(RestClient.builder(), Settings.of("page-size=1000"),
            (pause) -> {
            });

    @BeforeAll
    static void serve() {
        dataset = Datasets.sample(3);
        server = AttributeServer.start(dataset, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readsEveryBookAndFindsThemUnchangedNextTime() {
        // given
        FetchResult first = this.pager.fetch(server.booksUrl(), CollectionVersion.UNKNOWN);

        // when
        FetchResult second = this.pager.fetch(server.booksUrl(), first.version());

        // then
        assertThat(first.items()).hasSize(dataset.books().size());
        assertThat(first.version().etag()).isNotBlank();
        assertThat(first.version().lastModified()).isNotBlank();
        assertThat(RecordSchema.screen(AttributeEntity.BOOKS, first.items()).rejected()).isEmpty();
        assertThat(second.unchanged()).isTrue();
    }

    @Test
    void readsEveryUserAndFindsThemUnchangedByDateAlone() {
        // given
        FetchResult first = this.pager.fetch(server.usersUrl(), CollectionVersion.UNKNOWN);

        // when
        FetchResult second = this.pager.fetch(server.usersUrl(),
                new CollectionVersion(null, first.version().lastModified()));

        // then
        assertThat(first.items()).hasSize(dataset.readers().size());
        assertThat(RecordSchema.screen(AttributeEntity.USERS, first.items()).rejected()).isEmpty();
        assertThat(second.unchanged()).isTrue();
    }

}
