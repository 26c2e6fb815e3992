package com.wapi.analytics.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The pages' static assets under /assets/**, cached by browsers for an hour and revalidated by date after that. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Duration ASSETS_MAX_AGE = Duration.ofHours(1);

    private final StandInViewers viewers;

    WebConfiguration(StandInViewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/assets/")
                .setCacheControl(CacheControl.maxAge(ASSETS_MAX_AGE).cachePublic());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(viewers);
    }
}
