package io.curio.localstack.proof;

import java.util.ArrayList;
import java.util.List;

import io.curio.localstack.stack.HttpJson;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.Service;
import io.curio.localstack.stack.StackException;

/**
 * The books a run's events are about: the active catalogue feature-service serves.
 */
final class Catalogue {

    private Catalogue() {
    }

    static List<String> bookIds(RunningStack stack) {
        HttpJson.Reply reply = stack.http().get(stack.url(Service.FEATURE, "/internal/books"), null);
        if (!reply.ok()) {
            throw new StackException("cannot read the catalogue from feature-service: HTTP " + reply.status());
        }
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach((book) -> ids.add(book.path("bookId").asString()));
        if (ids.isEmpty()) {
            throw new StackException("feature-service serves an empty catalogue; run ./curio up until it is ready");
        }
        return ids;
    }

}
