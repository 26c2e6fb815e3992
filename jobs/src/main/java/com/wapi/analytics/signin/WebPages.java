package com.wapi.analytics.signin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

/**
 * The web pages' wiring: FreeMarker views from templates/web/ (overridable from WAPI_TEMPLATES_DIR/web/, like the
 * email templates), static files under /assets/** (long-cached: their names carry a version), and the
 * {@link Viewer} parameter of controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebPages implements WebMvcConfigurer {

    private final Viewers viewers;
    private final String overrideDir;

    WebPages(Viewers viewers, @Value("${wapi.templates-dir:}") String overrideDir) {
        this.viewers = viewers;
        this.overrideDir = overrideDir;
    }

    @Bean
    FreeMarkerConfigurer freeMarkerConfigurer() {
        FreeMarkerConfigurer configurer = new FreeMarkerConfigurer();
        configurer.setTemplateLoaderPaths(locations("").toArray(String[]::new));
        configurer.setDefaultEncoding("UTF-8");
        Properties settings = new Properties();
        settings.setProperty("incompatible_improvements", "2.3.34");
        settings.setProperty("template_exception_handler", "rethrow");
        configurer.setFreemarkerSettings(settings);
        return configurer;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(locations("assets/").toArray(String[]::new))
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgument(viewers));
    }

    /** The override folder first, then the packaged templates. */
    private List<String> locations(String below) {
        List<String> locations = new ArrayList<>();
        if (!overrideDir.isBlank()) {
            locations.add("file:" + overrideDir + "/web/" + below);
        }
        locations.add("classpath:/templates/web/" + below);
        return locations;
    }
}
