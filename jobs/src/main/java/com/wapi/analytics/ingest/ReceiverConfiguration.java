package com.wapi.analytics.ingest;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReceiverConfiguration {

    /** Only on the first dispatch: the body is read there, the controller runs on the async dispatch that follows. */
    @Bean
    FilterRegistrationBean<BodyReadingFilter> bodyReadingFilter(IngestProperties properties, IngestMetrics metrics) {
        FilterRegistrationBean<BodyReadingFilter> registration =
                new FilterRegistrationBean<>(new BodyReadingFilter(properties, metrics));
        registration.addUrlPatterns(WebhookController.PATH, EventsController.PATH);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
