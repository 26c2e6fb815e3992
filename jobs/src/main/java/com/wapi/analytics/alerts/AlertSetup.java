package com.wapi.analytics.alerts;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.tenancy.AdminAudit;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a workspace's alert settings; the change and its audit row commit together. */
@Service
@Transactional
public class AlertSetup {

    /** What to change; null leaves a setting as it is. {@code webhookUrl} "off" removes the webhook. */
    public record Change(Integer deliveryDropPoints, Integer minVolume, String deliveryWindow, BigDecimal errorSpikeFactor,
            Integer errorSpikeMin, String etlLag, Integer quarantineGrowth, String webhookUrl) {
    }

    /** @param newSecret the webhook secret when this change generated one (shown once), else null */
    public record Result(AlertSettings settings, String newSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkspaceRepository workspaces;
    private final AlertSettingsRepository repository;
    private final AdminAudit audit;

    AlertSetup(WorkspaceRepository workspaces, AlertSettingsRepository repository, AdminAudit audit) {
        this.workspaces = workspaces;
        this.repository = repository;
        this.audit = audit;
    }

    public Result set(String workspaceId, Change change, String actor) {
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(() -> new InvalidInputException(
                "unknown workspace " + workspaceId + ": see `scripts/wapi workspace list`"));
        AlertSettings before = repository.find(workspaceId);
        String url = change.webhookUrl() == null ? before.webhookUrl()
                : change.webhookUrl().strip().equalsIgnoreCase("off") ? null : webhookUrl(change.webhookUrl());
        String secret = url == null ? null : before.webhookSecret();
        String newSecret = url != null && secret == null ? HexFormat.of().formatHex(randomBytes()) : null;
        AlertSettings after = new AlertSettings(workspaceId,
                orElse(range(change.deliveryDropPoints(), 1, 100, "--delivery-drop-points"), before.deliveryDropPoints()),
                orElse(range(change.minVolume(), 1, Integer.MAX_VALUE, "--min-volume"), before.minVolume()),
                change.deliveryWindow() == null ? before.deliveryWindow()
                        : Durations.parse(change.deliveryWindow(), "--delivery-window"),
                change.errorSpikeFactor() == null ? before.errorSpikeFactor() : factor(change.errorSpikeFactor()),
                orElse(range(change.errorSpikeMin(), 1, Integer.MAX_VALUE, "--error-spike-min"), before.errorSpikeMin()),
                change.etlLag() == null ? before.etlLag() : Durations.parse(change.etlLag(), "--etl-lag"),
                orElse(range(change.quarantineGrowth(), 1, Integer.MAX_VALUE, "--quarantine-growth"), before.quarantineGrowth()),
                url, newSecret != null ? newSecret : secret);
        if (!after.equals(before)) {
            repository.save(after);
            audit.record(new AdminAudit.Change(actor, workspace.organizationId(), workspaceId, "alerts.set", workspaceId,
                    before.describe(), after.describe()));
        }
        return new Result(after, newSecret);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static int orElse(Integer value, int current) {
        return value == null ? current : value;
    }

    private static Integer range(Integer value, int min, int max, String option) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidInputException(option + ": " + value + " is out of range; give " + min
                    + (max == Integer.MAX_VALUE ? " or more" : " to " + max));
        }
        return value;
    }

    private static BigDecimal factor(BigDecimal factor) {
        if (factor.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInputException("--error-spike-factor: " + factor + " is below 1; give e.g. 3 (three times the baseline)");
        }
        return factor;
    }

    private static String webhookUrl(String text) {
        try {
            URI uri = URI.create(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("--webhook-url: '" + text + "' is not an http(s) URL; give e.g. "
                + "https://ops.example.com/hooks/wapi, or off");
    }
}
