package com.wapi.analytics.tenancy;

public record PhoneNumber(String phoneNumberId, String workspaceId, String wabaId, String displayNumber) {
}
