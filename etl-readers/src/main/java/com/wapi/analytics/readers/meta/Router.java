package com.wapi.analytics.readers.meta;

import java.util.List;
import java.util.Optional;

/** Where a Meta webhook belongs: the workspace of a phone number, the workspaces with a number on a WABA. */
public interface Router {

    Optional<String> workspaceOfPhoneNumber(String phoneNumberId);

    List<String> workspacesOfAccount(String wabaId);
}
