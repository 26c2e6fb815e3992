package com.wapi.analytics.jobs;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.Table;
import com.wapi.analytics.mail.HeldEmails;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Job executions and their state.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class})
public class JobsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return spec.commandLine().execute("list");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"The latest job executions, newest first;",
            "then every email whose outcome is unknown (uncertain), with the command that resends it."})
    static class ListJobs implements Runnable {

        @Spec CommandSpec spec;
        @Option(names = "--limit", defaultValue = "20", description = "how many (default ${DEFAULT-VALUE})") int limit;
        @Option(names = "--job", description = "only this job, e.g. etl or digest") String job;

        private final JdbcClient db;
        private final HeldEmails held;

        ListJobs(JdbcClient db, HeldEmails held) {
            this.db = db;
            this.held = held;
        }

        @Override
        public void run() {
            Table table = new Table("EXECUTION", "JOB", "STATUS", "EXIT", "STARTED", "ENDED", "PARAMETERS");
            db.sql("""
                    SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.start_time, e.end_time,
                           (SELECT string_agg(p.parameter_name || '=' || p.parameter_value, ' ' ORDER BY p.parameter_name)
                              FROM batch_job_execution_params p
                             WHERE p.job_execution_id = e.job_execution_id AND p.identifying = 'Y') AS parameters
                      FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
                     WHERE ?::text IS NULL OR i.job_name = ?
                     ORDER BY e.job_execution_id DESC LIMIT ?""")
                    .params(job, job, limit)
                    .query((rs, n) -> table.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5), rs.getTimestamp(6), rs.getString(7)))
                    .list();
            table.print(spec.commandLine().getOut());
            var uncertain = held.list();
            if (!uncertain.isEmpty()) {
                var out = spec.commandLine().getOut();
                out.printf("%nUncertain emails (the SMTP server may have taken them; not resent automatically): check the "
                        + "recipient's inbox, then resend if it is not there%n");
                Table emails = new Table("EMAIL", "WHAT", "ERROR", "RESEND");
                uncertain.forEach(h -> emails.row(h.kind(), h.what(), h.error(), h.resend()));
                emails.print(out);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One job execution with its steps.")
    static class Show implements Runnable {

        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "job execution id (see jobs list)") long id;

        private final JdbcClient db;

        Show(JdbcClient db) {
            this.db = db;
        }

        @Override
        public void run() {
            var out = spec.commandLine().getOut();
            var execution = db.sql("""
                    SELECT i.job_name, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time
                      FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
                     WHERE e.job_execution_id = ?""").param(id)
                    .query((rs, n) -> String.format("job %s, execution %d: %s (%s)%nstarted %s, ended %s%n%s",
                            rs.getString(1), id, rs.getString(2), rs.getString(3), rs.getTimestamp(5),
                            rs.getTimestamp(6), rs.getString(4) == null ? "" : rs.getString(4)))
                    .optional()
                    .orElseThrow(() -> new InvalidInputException("no job execution " + id + ": see `scripts/wapi jobs list`"));
            out.println(execution.strip());
            db.sql("SELECT parameter_name, parameter_value FROM batch_job_execution_params WHERE job_execution_id = ? ORDER BY 1")
                    .param(id).query((rs, n) -> { out.printf("  %s = %s%n", rs.getString(1), rs.getString(2)); return n; }).list();
            Table steps = new Table("STEP", "STATUS", "READ", "WRITTEN", "SKIPPED", "COMMITS", "ROLLBACKS", "STARTED", "ENDED");
            db.sql("""
                    SELECT step_name, status, read_count, write_count,
                           read_skip_count + process_skip_count + write_skip_count, commit_count, rollback_count,
                           start_time, end_time
                      FROM batch_step_execution WHERE job_execution_id = ? ORDER BY step_execution_id""").param(id)
                    .query((rs, n) -> steps.row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8), rs.getTimestamp(9)))
                    .list();
            steps.print(out);
        }
    }
}
