package com.wapi.analytics.tenancy;

/** Issues one-time sign-in links (implemented by the web sign-in), for `user link`. */
public interface SignInLinks {

    /** A fresh single-use link for the address, valid for a short while. */
    String issue(String email);
}
