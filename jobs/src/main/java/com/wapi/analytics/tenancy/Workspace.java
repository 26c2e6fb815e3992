package com.wapi.analytics.tenancy;

public record Workspace(String id, String organizationId, String name) {
}
