package com.wapi.analytics;

import com.wapi.analytics.cli.WapiCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One jar, two modes: {@code serve} runs the receiver, reporting API and scheduler; every other
 * command runs in a short-lived context without a web server and exits with the command's code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WapiApplication {

    public static void main(String[] args) {
        if (WapiCommandLine.isServe(args)) {
            try {
                serve(args);
            } catch (RuntimeException e) {
                System.err.println("error: wapi serve did not start: " + WapiCommandLine.explain(e));
                System.exit(2);
            }
            return;
        }
        System.exit(runCommand(args));
    }

    public static ConfigurableApplicationContext serve(String[] args) {
        SpringApplication app = new SpringApplication(WapiApplication.class);
        app.setAdditionalProfiles("serve");
        return app.run(args);
    }

    static int runCommand(String[] args) {
        SpringApplication app = new SpringApplication(WapiApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLazyInitialization(true);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run()) {
            return context.getBean(WapiCommandLine.class).execute(args);
        }
    }
}
