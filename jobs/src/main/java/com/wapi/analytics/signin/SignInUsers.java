package com.wapi.analytics.signin;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The people who may sign in: any address with a membership (`scripts/wapi user add`). They have no password; a
 * one-time link is their only way in. What they may see is decided on each request ({@link ViewerAccess}).
 */
@Component
class SignInUsers implements UserDetailsService {

    private final Viewers viewers;

    SignInUsers(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Viewer viewer = viewers.find(email).orElseThrow(() -> new UsernameNotFoundException("no user " + email));
        return User.withUsername(viewer.email()).password("").authorities(AuthorityUtils.NO_AUTHORITIES)
                .build();
    }
}
