package com.wapi.analytics.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/** Sign-in tokens live in Postgres (one_time_tokens), so any serve process accepts a link another one sent. */
@Configuration(proxyBeanMethods = false)
class OneTimeTokens {

    @Bean
    OneTimeTokenService oneTimeTokenService(JdbcTemplate jdbc) {
        return new JdbcOneTimeTokenService(jdbc);
    }
}
