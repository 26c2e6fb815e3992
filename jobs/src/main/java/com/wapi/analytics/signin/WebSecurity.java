package com.wapi.analytics.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;

/**
 * One filter chain, for the pages (/, /app/**, the sign-in flow, /assets/**): sessions, CSRF protection, a strict
 * Content-Security-Policy and X-Frame-Options DENY, and sign in with one-time links. No chain matches any other path
 * (the receiver, /events, the bearer-token API, health), so Spring Security passes them through untouched: no session,
 * no CSRF, no added headers, and no security filter on the receiver's hot path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ViewerAccess access, LinkEmails emails, SignInProperties settings)
            throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage(SignInPaths.FORBIDDEN);
        http.securityMatcher("/", SignInPaths.APP, SignInPaths.APP + "/**", SignInPaths.SIGN_IN,
                        SignInPaths.SIGN_IN + "/**", SignInPaths.LINK, SignInPaths.SIGN_OUT, "/assets/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SignInPaths.APP, SignInPaths.APP + "/**").access(access)
                        .anyRequest().permitAll())
                .oneTimeTokenLogin(ott -> ott
                        .loginPage(SignInPaths.SIGN_IN)
                        .tokenGeneratingUrl(SignInPaths.REQUEST_LINK)
                        .generateRequestResolver(linkRequest(settings.linkValidity()))
                        .tokenGenerationSuccessHandler(emails)
                        .showDefaultSubmitPage(false)
                        .loginProcessingUrl(SignInPaths.LINK)
                        .defaultSuccessUrl(SignInPaths.APP, false)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler(SignInPaths.SIGN_IN + "?expired")))
                .logout(logout -> logout.logoutUrl(SignInPaths.SIGN_OUT)
                        .logoutSuccessUrl(SignInPaths.SIGN_IN + "?signedout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(forbidden))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new LinkRequestLimit(settings, Clock.systemUTC()), GenerateOneTimeTokenFilter.class);
        return http.build();
    }

    /** The address asked for, lower case as users rows compare it, with the link's validity. */
    private static GenerateOneTimeTokenRequestResolver linkRequest(Duration validity) {
        return request -> {
            String address = request.getParameter("username");
            return address == null || address.isBlank() ? null
                    : new GenerateOneTimeTokenRequest(address.strip().toLowerCase(Locale.ROOT), validity);
        };
    }

    /** The session cookie is Secure when the pages are served over https (wapi.public-url). */
    @Bean
    ServletContextInitializer secureSessionCookie(@Value("${wapi.public-url}") String publicUrl) {
        return servletContext -> {
            if (publicUrl.startsWith("https:")) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
