package com.wapi.analytics.alerts;

import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Builds what the email and the webhook say about an incident event, times in the organization's zone. */
@Component
class AlertContents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;
    private final Map<String, String> titles;
    private final String publicUrl;

    AlertContents(WorkspaceRepository workspaces, OrganizationRepository organizations, List<AlertRule> rules,
            @Value("${wapi.public-url:}") String publicUrl) {
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.titles = rules.stream().collect(Collectors.toMap(AlertRule::name, AlertRule::title));
        this.publicUrl = publicUrl.isBlank() ? null : publicUrl;
    }

    AlertContent of(Incident incident, String event) {
        Workspace workspace = workspaces.findById(incident.workspaceId()).orElseThrow();
        Organization organization = organizations.findById(workspace.organizationId()).orElseThrow();
        ZoneId zone = organization.timeZone();
        boolean opened = event.equals("opened");
        Map<String, Object> raw = JSON.readValue(opened ? incident.figures() : incident.resolvedFigures(),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, String> figures = new LinkedHashMap<>();
        raw.forEach((name, value) -> figures.put(name, String.valueOf(value)));
        return new AlertContent(event, titles.getOrDefault(incident.rule(), incident.rule()), incident.rule(),
                incident.subject(), organization.name(), workspace.id(), workspace.name(),
                opened ? incident.summary() : incident.resolvedSummary(), figures, local(incident.openedAt(), zone),
                local(incident.resolvedAt(), zone), publicUrl);
    }

    private static String local(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime().withNano(0).toString() + " (" + zone + ")";
    }
}
