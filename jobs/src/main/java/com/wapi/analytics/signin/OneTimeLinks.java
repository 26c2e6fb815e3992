package com.wapi.analytics.signin;

import com.wapi.analytics.tenancy.SignInLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Sign-in links: wapi.public-url + /login/ott?token=..., the token kept in Postgres until used or expired. */
@Component
class OneTimeLinks implements SignInLinks {

    private final OneTimeTokenService tokens;
    private final SignInProperties settings;
    private final String publicUrl;

    OneTimeLinks(OneTimeTokenService tokens, SignInProperties settings, @Value("${wapi.public-url}") String publicUrl) {
        this.tokens = tokens;
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    @Override
    public String issue(String email) {
        return url(tokens.generate(new GenerateOneTimeTokenRequest(email, settings.linkValidity())));
    }

    String url(OneTimeToken token) {
        return UriComponentsBuilder.fromUriString(publicUrl).path("/login/ott")
                .queryParam("token", token.getTokenValue()).build().toUriString();
    }
}
