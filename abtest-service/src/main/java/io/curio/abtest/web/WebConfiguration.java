package io.curio.abtest.web;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Public endpoints ({@code /v1/**}) require the admin scope; internal ones are reachable on loopback only.
 * Request bodies are read strictly: unknown fields, trailing content and repeated keys are refused.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminScopeInterceptor()).addPathPatterns("/v1/**");
    }

    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

}
