package com.wapi.analytics.etl;

import com.wapi.analytics.readers.meta.MetaWebhookParser;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The etl-readers parsers, shared by the etl job and the receiver's validation of platform events. */
@Configuration(proxyBeanMethods = false)
class ParserConfiguration {

    @Bean
    MetaWebhookParser metaWebhookParser() {
        return new MetaWebhookParser();
    }

    @Bean
    PlatformEventParser platformEventParser() {
        return new PlatformEventParser();
    }
}
