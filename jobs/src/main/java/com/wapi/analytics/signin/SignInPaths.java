package com.wapi.analytics.signin;

/** The paths of the sign-in flow (docs/contract.md, Pages and sign-in). */
final class SignInPaths {

    static final String SIGN_IN = "/signin";
    static final String REQUEST_LINK = "/signin/link";
    static final String LINK_SENT = "/signin/sent";
    static final String TOO_MANY = "/signin/too-many";
    static final String FORBIDDEN = "/signin/forbidden";
    static final String LINK = "/login/ott";
    static final String SIGN_OUT = "/signout";
    static final String APP = "/app";

    private SignInPaths() {
    }
}
