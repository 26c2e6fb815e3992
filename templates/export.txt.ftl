<#-- Scheduled CSV export, plain-text part. -->
${workspace} · ${cadence} export
${kind?cap_first}, ${from}<#if to != from> to ${to}</#if>

Attached: ${file}, ${rows} rows.

Days and times are in ${timeZone}. The figures are those of the reports (delivery rate = delivered / targeted).
You receive this as a manager of ${workspace}.
