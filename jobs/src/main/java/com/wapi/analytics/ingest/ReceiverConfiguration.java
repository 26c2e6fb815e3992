package com.wapi.analytics.ingest;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class ReceiverConfiguration {

    /**
     * Only on the first dispatch: the body is read there; /events runs on the async dispatch that follows. First of
     * all filters: a webhook is answered here and never goes down the chain, and Spring Security has nothing to do
     * on these paths (see {@code signin.WebSecurity}); the async dispatch of /events passes through the whole chain.
     */
    @Bean
    FilterRegistrationBean<BodyReadingFilter> bodyReadingFilter(IngestProperties properties, IngestMetrics metrics,
            WebhookReceiver webhooks, BodyBudget budget) {
        FilterRegistrationBean<BodyReadingFilter> registration =
                new FilterRegistrationBean<>(new BodyReadingFilter(properties, metrics, webhooks, budget));
        registration.addUrlPatterns(WebhookController.PATH, EventsController.PATH);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The receiver's requests are counted and timed by {@link IngestMetrics} (outcome, request to commit); the generic
     * per-request observation (http.server.requests) on top of that cost a fifth of the receiver's CPU.
     */
    @Bean
    ObservationPredicate noGenericObservationOfTheReceiver() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && isReceiverPath(server.getCarrier().getRequestURI()));
    }

    static boolean isReceiverPath(String path) {
        return path.equals(WebhookController.PATH) || path.equals(EventsController.PATH);
    }
}
