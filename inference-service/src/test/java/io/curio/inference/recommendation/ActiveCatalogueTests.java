package io.curio.inference.recommendation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveCatalogueTests {

    private HttpServer features;

    private volatile String books;

    @BeforeEach
    void startFeatures() throws IOException {
        this.features = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.features.createContext("/internal/books", (exchange) -> {
            byte[] body = this.books.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.features.start();
    }

    @AfterEach
    void stopFeatures() {
        this.features.stop(0);
    }

    @Test
    void staysUnloadedWhileFeatureServiceHasNoBooksYet() {
        // given
        this.books = "{\"version\":null,\"items\":[]}";
        ActiveCatalogue catalogue = new ActiveCatalogue(client());

        // when
        catalogue.refresh();

        // then
        assertThat(catalogue.isLoaded()).isFalse();
        assertThat(catalogue.contains("1")).isTrue();
    }

    @Test
    void loadsTheFirstCatalogueThatHasBooks() {
        // given
        ActiveCatalogue catalogue = new ActiveCatalogue(client());
        this.books = "{\"version\":null,\"items\":[]}";
        catalogue.refresh();

        // when
        this.books = "{\"version\":\"raw/books/1.json\",\"items\":[{\"bookId\":\"1\",\"title\":\"Emma\","
                + "\"authors\":[\"Jane Austen\"]}]}";
        catalogue.refresh();

        // then
        assertThat(catalogue.isLoaded()).isTrue();
        assertThat(catalogue.contains("1")).isTrue();
        assertThat(catalogue.contains("2")).isFalse();
        assertThat(catalogue.book("1")).hasValueSatisfying((book) -> assertThat(book.title()).isEqualTo("Emma"));
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + this.features.getAddress().getPort()).build();
    }

}
