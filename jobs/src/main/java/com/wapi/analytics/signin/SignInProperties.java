package com.wapi.analytics.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings: how long an emailed link lives, and how many links an address or a client address may ask for
 * in a window (counted in memory, per serve process).
 */
@ConfigurationProperties("wapi.signin")
public record SignInProperties(Duration linkValidity, int linksPerAddress, int linksPerClient, Duration limitWindow) {
}
