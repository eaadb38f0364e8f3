package io.curio.inference.recommendation;

import io.curio.inference.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationsController {

    private final Recommending recommending;

    private final RecommendationMetrics metrics;

    RecommendationsController(Recommending recommending, RecommendationMetrics metrics) {
        this.recommending = recommending;
        this.metrics = metrics;
    }

    @GetMapping("/v1/recommendations")
    RecommendationList recommendations(@RequestHeader(name = "X-User-Id", required = false) String userId,
            @RequestHeader(name = "X-User-Plan", required = false) String plan,
            @RequestHeader(name = "X-User-Platform", required = false) String platform,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String surface,
            HttpServletRequest request) {
        long started = System.nanoTime();
        if (userId == null || userId.isBlank()) {
            throw new MissingIdentityException();
        }
        RecommendationQuery query = RecommendationQuery.of(userId, plan, platform, RequestIds.of(request), limit,
                surface);
        RecommendationList list = this.recommending.recommend(query);
        this.metrics.served(list, System.nanoTime() - started);
        return list;
    }

}
