package com.wapi.analytics.cli;

import com.wapi.analytics.bench.BenchCommand;
import com.wapi.analytics.digest.DigestCommand;
import com.wapi.analytics.campaign.CampaignEmailCommand;
import com.wapi.analytics.digest.DigestTickCommand;
import com.wapi.analytics.etl.EtlCommand;
import com.wapi.analytics.export.ExportCommand;
import com.wapi.analytics.jobs.JobsCommand;
import com.wapi.analytics.mail.MailCatcherCommand;
import com.wapi.analytics.privacy.ContactCommand;
import com.wapi.analytics.report.ReportCommand;
import com.wapi.analytics.retention.RetentionCommand;
import com.wapi.analytics.schema.MigrateCommand;
import com.wapi.analytics.simulate.SimulateCommand;
import com.wapi.analytics.tenancy.AuditCommand;
import com.wapi.analytics.tenancy.OrgCommand;
import com.wapi.analytics.tenancy.PhoneCommand;
import com.wapi.analytics.tenancy.TokenCommand;
import com.wapi.analytics.tenancy.UserCommand;
import com.wapi.analytics.tenancy.WorkspaceCommand;
import picocli.CommandLine.Command;

@Command(name = "wapi", mixinStandardHelpOptions = true, version = "wapi-analytics 0.1.0",
        description = "wapi-analytics: operational analytics for WhatsApp Business messaging.",
        footer = {"", "Exit codes: 0 ok, 1 the job or check failed, 2 usage or configuration error.",
                "Settings come from WAPI_* environment variables (see README.md)."},
        subcommands = {ServeCommand.class, MigrateCommand.class, EtlCommand.class, DigestCommand.class,
                DigestTickCommand.class, CampaignEmailCommand.class, ReportCommand.class, ExportCommand.class, SimulateCommand.class, MailCatcherCommand.class, OrgCommand.class, WorkspaceCommand.class,
                PhoneCommand.class, UserCommand.class, TokenCommand.class, AuditCommand.class, ContactCommand.class, RetentionCommand.class, JobsCommand.class,
                BenchCommand.class})
public class WapiCommand {
}
