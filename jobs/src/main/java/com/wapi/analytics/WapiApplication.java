package com.wapi.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WapiApplication {
    public static void main(String[] args) {
        SpringApplication.run(WapiApplication.class, args);
    }
}
